import { describe, expect, it } from 'vitest';
import { createLater } from '#local/stripe/later.ts';

// Far beyond any test's run: work only runs when a test runs it.
const NEVER_BY_ITSELF = 3_600_000;

describe('the local Stripe deferred work', () => {
  it('runs waiting work at once, oldest first, and only once', () => {
    const later = createLater(NEVER_BY_ITSELF, () => {});
    const ran: string[] = [];
    later.schedule(() => ran.push('first'));
    later.schedule(() => ran.push('second'));
    expect(ran).toEqual([]);
    expect(later.runNow()).toBe(2);
    expect(later.runNow()).toBe(0);
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs work by itself after the delay, and is idle once it ran', async () => {
    const later = createLater(0, () => {});
    const ran: string[] = [];
    later.schedule(() => ran.push('settled'));
    await later.idle();
    expect(ran).toEqual(['settled']);
  });

  it('logs failing work and carries on with the rest', () => {
    const lines: string[] = [];
    const later = createLater(NEVER_BY_ITSELF, (line) => lines.push(line));
    const ran: string[] = [];
    later.schedule(() => {
      throw new Error('boom');
    });
    later.schedule(() => ran.push('next'));
    later.runNow();
    expect(ran).toEqual(['next']);
    expect(lines).toEqual(['deferred work failed: boom']);
  });

  it('drops waiting and later work once stopped, and is idle', async () => {
    const later = createLater(NEVER_BY_ITSELF, () => {});
    const ran: string[] = [];
    later.schedule(() => ran.push('dropped'));
    const idle = later.idle();
    later.stop();
    await idle;
    later.schedule(() => ran.push('after stop'));
    expect(later.runNow()).toBe(0);
    expect(ran).toEqual([]);
  });
});
