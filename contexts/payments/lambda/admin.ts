import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { isScheduledEvent } from '#platform/events/scheduled.ts';
import { httpRouter } from '#platform/http/router.ts';
import { retryDueRefunds } from '../data/refund-sweep.ts';
import { refundOperations } from '../operations/refunds.ts';
import { refundServices } from '../wiring.ts';

const services = refundServices(requireEnv('TABLE_NAME'));
const router = httpRouter(refundOperations, services);
const logger = new Logger();

/** The `refundRetries` schedule's tick: one attempt at each refund Stripe left `requested` (due). */
const sweep = async (context: Context) => {
  const result = await retryDueRefunds(services, undefined, {
    timeLeftMs: () => context.getRemainingTimeInMillis(),
    onError: (refundId, error) => logger.error('refund retry failed', { refundId, error }),
  });
  if (result.gave_up > 0) logger.error('refunds given up: Stripe unreachable in every attempt', { result });
  else logger.info('refund retry sweep', { result });
  // A run whose attempts hit unexpected errors fails: EventBridge retries it, then its DLQ alarm fires.
  if (result.error > 0) throw new Error(`${result.error} refund retries failed unexpectedly`);
  return result;
};

/**
 * The `paymentsAdmin` function: the back office's refunds, routed by `routeKey`, and the refund retry
 * sweep on the `refundRetries` schedule's ticks (one function, so the schedule costs a permission and
 * no function of its own: docs/payments.md#refunds).
 */
export const handler = async (event: unknown, context: Context) =>
  isScheduledEvent(event) ? sweep(context) : router(event as APIGatewayProxyEventV2, context);
