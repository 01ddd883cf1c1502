/*
 * When a refund Stripe never answered (`requested`) is asked for again by the retry sweep, and when the
 * sweep gives up (pure). Every attempt goes through the same code and the same Stripe idempotency key as
 * the request that recorded it, so retrying never refunds twice.
 */

/**
 * How long a new refund waits before the sweep may ask for it: longer than any request still asking
 * Stripe for it (a Stripe call gives up after ~17 s, the refund API's function after 30 s), so the sweep
 * does not race the request that recorded it (racing would be harmless, only wasteful).
 */
export const REFUND_RETRY_GRACE_SECONDS = 30;

/** Sweep attempts before a refund Stripe could never be reached for fails (`provider_unreachable`). */
export const MAX_REFUND_RETRIES = 8;

/** The longest wait between two attempts. */
const MAX_RETRY_DELAY_SECONDS = 60 * 60;

/** Why a refund the sweep gave up on failed: Stripe could not be reached in any attempt. */
export const GAVE_UP_REASON = 'provider_unreachable';

const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

/** When a refund recorded at `createdAt` is first due for the sweep. */
export const firstRetryAt = (createdAt: Date): Date => addSeconds(createdAt, REFUND_RETRY_GRACE_SECONDS);

/**
 * When a refund is due again once the sweep made its `attempt`-th attempt (1-based) at `now`: 1, 2, 4,
 * 8, 16, 32 minutes, then hourly. With `MAX_REFUND_RETRIES` of 8 a refund is given up about 3 hours
 * after it was recorded: long enough for a Stripe outage, well inside the 24 hours Stripe keeps an
 * idempotency key (so every attempt still answers the first one's result).
 */
export const nextRetryAt = (attempt: number, now: Date): Date =>
  addSeconds(now, Math.min(MAX_RETRY_DELAY_SECONDS, 60 * 2 ** Math.max(0, attempt - 1)));

/** What the sweep does with a due refund that has had `attempts` attempts: ask Stripe again, or give up. */
export const retryDecision = (attempts: number): 'retry' | 'give_up' =>
  attempts >= MAX_REFUND_RETRIES ? 'give_up' : 'retry';
