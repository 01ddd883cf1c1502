/*
 * When a subscription stops receiving on its own (pure). A delivery that ends `failed` has already been
 * tried for about 28 hours; ten of them in a row means the receiver has been gone for days, and every new
 * event would only add eight more doomed requests. One delivered event resets the count.
 */

/** Deliveries in a row that ended `failed` after which a subscription is disabled. */
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 10;

/** Whether a subscription with `consecutiveFailures` (this one counted) is to be disabled. */
export const shouldDisable = (consecutiveFailures: number): boolean =>
  consecutiveFailures >= DISABLE_AFTER_CONSECUTIVE_FAILURES;
