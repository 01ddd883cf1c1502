import { describe, expect, it } from 'vitest';
import {
  backoffScaleOf,
  MAX_ATTEMPTS,
  RETRY_DELAYS_SECONDS,
  retryDelayMs,
} from '#contexts/webhooks/domain/backoff.ts';

describe('retryDelayMs', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after attempts 1 to 7', () => {
    expect(Array.from({ length: 7 }, (_, i) => retryDelayMs(i + 1))).toEqual(
      [5, 300, 1800, 7200, 18_000, 36_000, 36_000].map((s) => s * 1000),
    );
  });

  it('spreads the attempts over more than 24 hours, each wait at least as long as the one before', () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0);
    expect(total).toBeGreaterThan(24 * 3600);
    for (let i = 1; i < RETRY_DELAYS_SECONDS.length; i++)
      expect(RETRY_DELAYS_SECONDS[i]).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[i - 1] as number);
  });

  it('has no retry after the last attempt', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeUndefined();
  });

  it('scales the whole schedule', () => {
    expect(retryDelayMs(1, 0.001)).toBe(5);
    expect(retryDelayMs(7, 0.001)).toBe(36_000);
  });
});

describe('backoffScaleOf', () => {
  it.each([
    [undefined, 1],
    ['', 1],
    ['abc', 1],
    ['0', 1],
    ['-1', 1],
    ['2', 1],
    ['0.001', 0.001],
    ['1', 1],
  ])('reads %j as %d', (value, scale) => {
    expect(backoffScaleOf(value)).toBe(scale);
  });
});
