import { z } from 'zod';
import { type Delivery, deliverySchema } from '../domain/delivery.ts';
import { Entity, webhookKeys } from './keys.ts';

/** How long a delivery's log entry stays (TTL): long enough to look into a week-old failure. */
const LOG_RETENTION_SECONDS = 30 * 24 * 3600;

/** A delivery as stored: its log view and the exact body every attempt sends. */
export interface StoredDelivery extends Delivery {
  readonly body: string;
}

/** The item of a new delivery, due at `dueAt` in the sweep's index (its safety net). */
export const deliveryItem = (delivery: StoredDelivery, dueAt: string) => ({
  ...webhookKeys.delivery(delivery.webhookId, delivery.deliveryId),
  ...webhookKeys.deliveryLog(delivery.webhookId, delivery.createdAt, delivery.deliveryId),
  ...webhookKeys.due(dueAt, delivery.webhookId, delivery.deliveryId),
  entity: Entity.delivery,
  ...delivery,
  expiresAt: Math.floor(Date.parse(delivery.createdAt) / 1000) + LOG_RETENTION_SECONDS,
});

const { shape } = deliverySchema;

/**
 * A delivery as stored, parsed: the log's schema and the body (keys, entity and TTL dropped). Every write
 * sets the nullable fields (null, not absent); an item without one still reads as null.
 */
const storedDelivery = deliverySchema.extend({
  lastStatusCode: shape.lastStatusCode.default(null),
  lastLatencyMs: shape.lastLatencyMs.default(null),
  lastError: shape.lastError.default(null),
  lastAttemptAt: shape.lastAttemptAt.default(null),
  nextAttemptAt: shape.nextAttemptAt.default(null),
  body: z.string(),
});

/** A delivery read back from its item. */
export const deliveryFromItem = (item: Record<string, unknown>): StoredDelivery => storedDelivery.parse(item);

/** The log's view of a delivery (the body left out: the event catalog describes it). */
export const deliveryView = ({ body: _body, ...view }: StoredDelivery): Delivery => view;
