import type { WebhookServices } from '../wiring.ts';
import { LEASE_MS } from './delivery-queue.ts';

/** What a sweep run did: deliveries queued, and those another sweep took first. */
export interface SweepResult {
  readonly queued: number;
  readonly taken: number;
}

/**
 * The retry sweep (docs/webhooks.md#retries), on the 1-minute schedule: queues every `pending` delivery
 * whose due time has passed — a retry whose backoff is longer than SQS can delay, or an attempt whose
 * job was lost. Each is postponed by the lease first (conditional on the entry read), so two sweeps
 * queue it once, and a job lost again is queued again a lease later.
 */
export const sweepDueDeliveries = async (
  services: WebhookServices,
  now = new Date(),
  limit = 100,
): Promise<SweepResult> => {
  const due = await services.deliveries.due(now, limit);
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  let queued = 0;
  await Promise.all(
    due.map(async ({ delivery, dueKey }) => {
      if (!(await services.deliveries.postpone(delivery, dueKey, leaseUntil))) return;
      const { webhookId, deliveryId, attempts } = delivery;
      await services.queue.send({ webhookId, deliveryId, attempts });
      queued += 1;
    }),
  );
  return { queued, taken: due.length - queued };
};
