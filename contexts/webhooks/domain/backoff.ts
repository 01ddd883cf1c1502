/*
 * When a failed delivery is tried again (pure). Eight attempts over about 28 hours: quick ones for a blip,
 * then hours apart so a receiver down for a day still gets everything once it is back. The schedule is
 * the Standard Webhooks reference schedule; `scale` shrinks it for the local cloud and benches
 * (`WEBHOOK_BACKOFF_SCALE`, docs/webhooks.md).
 */

/** Seconds to wait after attempt n (1-based) failed, before attempt n + 1. */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

/** Attempts a delivery gets before it is `failed` (the first one and each retry). */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * The wait in milliseconds after the `attempts`-th attempt failed, or undefined when that was the last.
 * `scale` (0 < scale ≤ 1) multiplies the schedule.
 */
export const retryDelayMs = (attempts: number, scale = 1): number | undefined => {
  const seconds = RETRY_DELAYS_SECONDS[attempts - 1];
  return seconds === undefined ? undefined : Math.round(seconds * 1000 * scale);
};

/** The scale an environment value states: a number in (0, 1], else 1 (the real schedule). */
export const backoffScaleOf = (value: string | undefined): number => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 && n <= 1 ? n : 1;
};
