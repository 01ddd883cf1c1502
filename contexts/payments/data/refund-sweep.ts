import { AppError } from '#platform/errors/index.ts';
import { PaymentProviderUnavailableError } from '../domain/errors.ts';
import { GAVE_UP_REASON, nextRetryAt, retryDecision } from '../domain/refund-retries.ts';
import { failRefund } from './fail-refund.ts';
import { type RefundDeps, retryRefund } from './issue-refund.ts';
import { claimRefundRetry, type DueRefund, dueRefunds } from './refund-retry-store.ts';

/** What one attempt at a due refund came to. */
export type RetryOutcome =
  | 'issued' // Stripe accepted it (`pending` or `succeeded`, `RefundIssued`)
  | 'failed' // Stripe answered that it failed, or refused it (`RefundFailed`)
  | 'unavailable' // Stripe still unreachable: due again later
  | 'gave_up' // unreachable in every attempt: failed as `provider_unreachable` (`RefundFailed`)
  | 'taken' // another sweep took this attempt, or the refund was answered meanwhile
  | 'error'; // anything else (logged; the run fails once every refund had its turn)

export interface SweepOptions {
  /** Refunds read per run (one Query). */
  readonly limit?: number;
  /** Attempts at once (each may wait on Stripe up to ~17 s). */
  readonly concurrency?: number;
  /** Time the run may still use (the Lambda's remaining time); no attempt starts without `reserveMs` of it. */
  readonly timeLeftMs?: () => number;
  readonly reserveMs?: number;
  readonly onError?: (refundId: string, error: unknown) => void;
}

/** Counts per outcome, and the due refunds left for the next run (no time left to start them). */
export type SweepResult = Record<RetryOutcome | 'deferred', number>;

/** A sweep's counts before any refund had its turn (every outcome at 0). */
export const noOutcomes = (): SweepResult => ({
  issued: 0,
  failed: 0,
  unavailable: 0,
  gave_up: 0,
  taken: 0,
  error: 0,
  deferred: 0,
});

/** One due refund: give up, or claim the next attempt and ask Stripe through the refund API's path. */
const attempt = async (deps: RefundDeps, due: DueRefund, now: Date): Promise<RetryOutcome> => {
  const { refund } = due;
  if (retryDecision(due.attempts) === 'give_up') {
    const failure = { reason: GAVE_UP_REASON, providerRefundId: null };
    const failed = await failRefund(deps, refund.orderId, refund.id, failure, now, ['requested']);
    return failed ? 'gave_up' : 'taken';
  }
  if (!(await claimRefundRetry(deps.table, due, nextRetryAt(due.attempts + 1, now)))) return 'taken';
  try {
    const answered = await retryRefund(deps, refund.orderId, refund.id, now);
    if (!answered) return 'taken';
    return answered.status === 'failed' ? 'failed' : answered.status === 'requested' ? 'taken' : 'issued';
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) return 'unavailable';
    if (error instanceof AppError && error.code === 'refund_refused') return 'failed';
    throw error;
  }
};

/**
 * The retry sweep (docs/payments.md#refunds): reads the refunds still `requested` whose due time has
 * passed (sparse gsi1, 1 Query) and makes one attempt at each, a few at once, while time is left. Each
 * attempt is claimed first (the due time moves on by the backoff, the attempt count up, conditional on
 * the entry read), so two sweeps never make the same attempt, and a run that dies leaves the refund due
 * later. A refund whose attempts are used up fails (`provider_unreachable`, `RefundFailed`; its amount
 * refundable again). Unexpected errors are reported through `onError` and counted, never stop the others.
 */
export const retryDueRefunds = async (
  deps: RefundDeps,
  now: () => Date = () => new Date(),
  options: SweepOptions = {},
): Promise<SweepResult> => {
  const { limit = 25, concurrency = 4, timeLeftMs = () => Number.POSITIVE_INFINITY } = options;
  const reserveMs = options.reserveMs ?? 20_000;
  const result = noOutcomes();
  const queue = await dueRefunds(deps.table, now(), limit);
  const worker = async () => {
    for (let due = queue.shift(); due; due = queue.shift()) {
      if (timeLeftMs() < reserveMs) {
        result.deferred += 1;
        continue;
      }
      try {
        result[await attempt(deps, due, now())] += 1;
      } catch (error) {
        result.error += 1;
        options.onError?.(due.refund.id, error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
};
