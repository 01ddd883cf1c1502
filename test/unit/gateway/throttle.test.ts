import { describe, expect, it } from 'vitest';
import { routeThrottle } from '#local/gateway/throttle.ts';

/** A clock the test moves by hand, in milliseconds. */
const clock = () => {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

const admitted = (admit: () => boolean, times: number) =>
  Array.from({ length: times }, admit).filter(Boolean).length;

describe('routeThrottle', () => {
  it('admits a full burst at once, then answers no until tokens come back', () => {
    const t = clock();
    const throttle = routeThrottle([{ routeKey: 'GET /a', rateLimit: 10, burstLimit: 5 }], t.now);
    expect(admitted(() => throttle.admit('GET /a'), 8)).toBe(5);
    t.advance(100); // 10 a second: one token back
    expect(admitted(() => throttle.admit('GET /a'), 3)).toBe(1);
  });

  it('refills at the rate, never above the burst', () => {
    const t = clock();
    const throttle = routeThrottle([{ routeKey: 'GET /a', rateLimit: 2, burstLimit: 3 }], t.now);
    admitted(() => throttle.admit('GET /a'), 3);
    t.advance(60_000);
    expect(admitted(() => throttle.admit('GET /a'), 10)).toBe(3);
  });

  it('keeps one bucket per route: an empty one does not throttle another', () => {
    const t = clock();
    const throttle = routeThrottle(
      [
        { routeKey: 'GET /a', rateLimit: 1, burstLimit: 1 },
        { routeKey: 'POST /b', rateLimit: 1, burstLimit: 1 },
      ],
      t.now,
    );
    expect(throttle.admit('GET /a')).toBe(true);
    expect(throttle.admit('GET /a')).toBe(false);
    expect(throttle.admit('POST /b')).toBe(true);
  });

  it('never throttles a route without limits', () => {
    const throttle = routeThrottle([]);
    expect(admitted(() => throttle.admit('GET /a'), 1000)).toBe(1000);
  });

  it('throttles every request of a route limited to zero', () => {
    const throttle = routeThrottle([{ routeKey: 'GET /a', rateLimit: 0, burstLimit: 0 }]);
    expect(throttle.admit('GET /a')).toBe(false);
  });
});
