import { describe, expect, it } from 'vitest';
import {
  firstRetryAt,
  MAX_REFUND_RETRIES,
  nextRetryAt,
  REFUND_RETRY_GRACE_SECONDS,
  retryDecision,
} from '#contexts/payments/domain/refund-retries.ts';

const at = new Date('2030-01-01T00:00:00.000Z');
const minutesAfter = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 60_000;

describe('refund retries', () => {
  it('makes a new refund due once the grace has passed', () => {
    expect(firstRetryAt(at).getTime() - at.getTime()).toBe(REFUND_RETRY_GRACE_SECONDS * 1000);
  });

  it('waits 1, 2, 4 … minutes between attempts, an hour at most', () => {
    const waits = Array.from({ length: MAX_REFUND_RETRIES }, (_, i) =>
      minutesAfter(nextRetryAt(i + 1, at), at),
    );
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('gives up after the last attempt, about 3 hours after the refund was recorded', () => {
    expect(retryDecision(0)).toBe('retry');
    expect(retryDecision(MAX_REFUND_RETRIES - 1)).toBe('retry');
    expect(retryDecision(MAX_REFUND_RETRIES)).toBe('give_up');
    let due = firstRetryAt(at);
    for (let attempt = 1; retryDecision(attempt - 1) === 'retry'; attempt++) due = nextRetryAt(attempt, due);
    // Well inside the 24 hours Stripe keeps an idempotency key.
    expect(minutesAfter(due, at)).toBeGreaterThan(150);
    expect(minutesAfter(due, at)).toBeLessThan(240);
  });
});
