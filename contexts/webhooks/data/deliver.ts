import { MAX_ATTEMPTS, retryDelayMs } from '../domain/backoff.ts';
import { type AttemptResult, TEST_EVENT_TYPE } from '../domain/delivery.ts';
import { signedHeaders } from '../domain/signing.ts';
import type { StoredWebhook } from '../domain/subscription.ts';
import type { WebhookServices } from '../wiring.ts';
import type { StoredDelivery } from './delivery-items.ts';
import { type DeliveryJob, LEASE_MS, MAX_QUEUE_DELAY_MS } from './delivery-queue.ts';
import type { AttemptOutcome } from './delivery-store.ts';
import { clearFailures, countFailure } from './failure-count.ts';
import { postWebhook } from './send.ts';

/** What one job came to. */
export type JobOutcome = 'delivered' | 'retry' | 'failed' | 'stale';

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** A failed attempt's next step: due again after the backoff, or failed when it was the last. */
const afterFailure = (attempt: number, now: Date, scale: number): AttemptOutcome & { delayMs?: number } => {
  const delayMs = attempt >= MAX_ATTEMPTS ? undefined : retryDelayMs(attempt, scale);
  if (delayMs === undefined) return { kind: 'failed' };
  // A wait SQS can hold goes on the queue (the index entry is then only its safety net); a longer one
  // is the sweep's to start on time.
  const dueAt = delayMs <= MAX_QUEUE_DELAY_MS ? later(now, delayMs + LEASE_MS) : later(now, delayMs);
  return { kind: 'retry', nextAttemptAt: later(now, delayMs), dueAt, delayMs };
};

const refused = (error: string): AttemptResult => ({ ok: false, statusCode: null, latencyMs: 0, error });

/** Why a delivery is not sent at all: its subscription is gone, or disabled (a test ping still goes). */
const stopReasonOf = (webhook: StoredWebhook | undefined, delivery: StoredDelivery) => {
  if (!webhook) return 'webhook_deleted';
  return !webhook.active && delivery.eventType !== TEST_EVENT_TYPE ? 'webhook_disabled' : undefined;
};

/** What follows a recorded attempt: the next one queued, the failure counted, or the count cleared. */
const followUp = async (
  services: WebhookServices,
  job: DeliveryJob,
  attempt: number,
  outcome: AttemptOutcome & { delayMs?: number },
  webhook: StoredWebhook,
  at: Date,
): Promise<JobOutcome> => {
  if (outcome.kind === 'retry') {
    if ((outcome.delayMs ?? 0) <= MAX_QUEUE_DELAY_MS)
      await services.queue.send({ ...job, attempts: attempt }, outcome.delayMs);
    return 'retry';
  }
  if (outcome.kind === 'failed') {
    await countFailure(services.table, job.webhookId, at);
    return 'failed';
  }
  if (webhook.consecutiveFailures > 0) await clearFailures(services.table, job.webhookId);
  return 'delivered';
};

/**
 * One attempt at a delivery (docs/webhooks.md#delivery): claim it (a duplicate or outdated job takes
 * nothing), POST the signed body, record the answer, then queue the next attempt after the backoff,
 * or — after the last one — leave it `failed` and count that against the subscription (which may
 * disable it). A subscription deleted or disabled meanwhile ends its pending deliveries as `failed`
 * without a request; a test ping still goes to a disabled one, so ops can check a receiver first.
 */
export const deliverJob = async (
  services: WebhookServices,
  job: DeliveryJob,
  now: () => Date = () => new Date(),
): Promise<JobOutcome> => {
  const { deliveries, subscriptions, settings } = services;
  const claimedAt = now();
  const delivery = await deliveries.claim(job, job.attempts, claimedAt, later(claimedAt, LEASE_MS));
  if (!delivery) return 'stale';
  const attempt = job.attempts + 1;
  const webhook = await subscriptions.get(job.webhookId, { consistent: true });
  const stopReason = stopReasonOf(webhook, delivery);
  if (!webhook || stopReason) {
    await deliveries.record(
      delivery,
      attempt,
      refused(stopReason ?? 'webhook_deleted'),
      { kind: 'failed' },
      now(),
    );
    return 'failed';
  }
  const headers = signedHeaders(webhook.secret, delivery.deliveryId, delivery.body, now());
  const result = await postWebhook(webhook.url, headers, delivery.body, settings.policy);
  const finished = now();
  const outcome: AttemptOutcome & { delayMs?: number } = result.ok
    ? { kind: 'delivered' }
    : afterFailure(attempt, finished, settings.backoffScale);
  if (!(await deliveries.record(delivery, attempt, result, outcome, finished))) return 'stale';
  return followUp(services, job, attempt, outcome, webhook, finished);
};
