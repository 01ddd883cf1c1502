import { type Delivery, deliveryIdOf, type Payload } from '../domain/delivery.ts';
import { matchesEventType } from '../domain/patterns.ts';
import type { StoredWebhook } from '../domain/subscription.ts';
import type { WebhookServices } from '../wiring.ts';
import type { StoredDelivery } from './delivery-items.ts';
import { LEASE_MS } from './delivery-queue.ts';

/** A domain event as the dispatcher reads it off the bus. */
export interface BusEvent {
  readonly detailType: string;
  readonly id: string;
  readonly occurredAt: string;
  readonly data: unknown;
}

/**
 * The active subscriptions, kept for `cacheMs` per worker instance: every event on the bus passes here,
 * and subscriptions change rarely. A change reaches events at most `cacheMs` later.
 */
export const activeSubscriptions = (services: WebhookServices) => {
  let cached: { at: number; webhooks: Promise<StoredWebhook[]> } | undefined;
  return (): Promise<StoredWebhook[]> => {
    const now = Date.now();
    if (!cached || now - cached.at >= services.settings.cacheMs) {
      const webhooks = services.subscriptions.active();
      cached = { at: now, webhooks };
      // A failed read is not kept: the next event reads again.
      webhooks.catch(() => {
        cached = undefined;
      });
    }
    return cached.webhooks;
  };
};

/** A new delivery of `payload` to a subscription, before its first attempt. */
export const newDelivery = (webhookId: string, payload: Payload, now: Date): StoredDelivery => {
  const at = now.toISOString();
  const delivery: Delivery = {
    deliveryId: deliveryIdOf(webhookId, payload.id),
    webhookId,
    eventType: payload.type,
    eventId: payload.id,
    status: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastLatencyMs: null,
    lastError: null,
    lastAttemptAt: null,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
  };
  return { ...delivery, body: JSON.stringify(payload) };
};

/**
 * Records a delivery (once per subscription and event) and queues its first attempt. A delivery that
 * exists already and never had an attempt is queued again (its first job may be the one that was lost);
 * the claim makes sure only one of its jobs sends. Answers the delivery as stored.
 */
export const enqueueDelivery = async (
  services: WebhookServices,
  delivery: StoredDelivery,
  now: Date,
): Promise<StoredDelivery> => {
  const dueAt = new Date(now.getTime() + LEASE_MS).toISOString();
  const stored = await services.deliveries.create(delivery, dueAt);
  const current = stored.delivery;
  if (stored.created || (current.status === 'pending' && current.attempts === 0))
    await services.queue.send({ webhookId: current.webhookId, deliveryId: current.deliveryId, attempts: 0 });
  return current;
};

/**
 * One event from the bus: a delivery for each active subscription whose patterns take its detail-type,
 * each queued as a message of its own, so a slow receiver holds up nothing else. Never waits on a
 * receiver. Answers how many subscriptions it was for.
 */
export const dispatchEvent = async (
  services: WebhookServices,
  webhooks: readonly StoredWebhook[],
  event: BusEvent,
  now = new Date(),
): Promise<number> => {
  const payload: Payload = {
    type: event.detailType,
    id: event.id,
    timestamp: event.occurredAt,
    data: event.data,
  };
  const matching = webhooks.filter((w) => w.active && matchesEventType(w.eventTypes, event.detailType));
  await Promise.all(
    matching.map((w) => enqueueDelivery(services, newDelivery(w.webhookId, payload, now), now)),
  );
  return matching.length;
};
