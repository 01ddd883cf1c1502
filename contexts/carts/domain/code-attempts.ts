import { z } from 'zod';
import { TooManyRequestsError } from '#platform/errors/index.ts';

/**
 * How many codes a cart may fail to enter per window before further attempts are refused (429). Codes
 * are short and guessable; without a limit a script could try thousands per cart. An honest shopper
 * mistypes a few, so 10 per 15 minutes never gets in their way. A cart's window opens at its first code
 * attempt (not on a clock boundary, which would let a script spend 20 in a minute across it). Set on the
 * `carts` function (contexts/carts/context.ts) like its other limits.
 */
export const codeAttemptLimits = z.object({
  PROMOTION_CODE_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  PROMOTION_CODE_ATTEMPT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

/** The limits as the carts use them. */
export interface CodeAttemptLimits {
  readonly attempts: number;
  readonly windowSeconds: number;
}

/** The limits from a function's environment (defaults when unset). */
export const codeAttemptLimitsFrom = (
  env: Readonly<Record<string, string | undefined>>,
): CodeAttemptLimits => {
  const parsed = codeAttemptLimits.parse(env);
  return {
    attempts: parsed.PROMOTION_CODE_ATTEMPTS,
    windowSeconds: parsed.PROMOTION_CODE_ATTEMPT_WINDOW_MINUTES * 60,
  };
};

/** 429 `promotion_attempts_exceeded`, retry once the window ends. */
export const attemptsExceeded = (retryAfterSeconds: number) =>
  new TooManyRequestsError(
    'Too many promotion codes were tried on this cart; try again later',
    'promotion_attempts_exceeded',
    retryAfterSeconds,
  );
