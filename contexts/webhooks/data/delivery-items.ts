import type { Delivery } from '../domain/delivery.ts';
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

const nullableNumber = (value: unknown) => (value === undefined || value === null ? null : Number(value));
const nullableString = (value: unknown) => (value === undefined || value === null ? null : String(value));

/** A delivery read back from its item. */
export const deliveryFromItem = (item: Record<string, unknown>): StoredDelivery => ({
  deliveryId: String(item.deliveryId),
  webhookId: String(item.webhookId),
  eventType: String(item.eventType),
  eventId: String(item.eventId),
  status: item.status as Delivery['status'],
  attempts: Number(item.attempts ?? 0),
  lastStatusCode: nullableNumber(item.lastStatusCode),
  lastLatencyMs: nullableNumber(item.lastLatencyMs),
  lastError: nullableString(item.lastError),
  lastAttemptAt: nullableString(item.lastAttemptAt),
  nextAttemptAt: nullableString(item.nextAttemptAt),
  createdAt: String(item.createdAt),
  updatedAt: String(item.updatedAt),
  body: String(item.body),
});

/** The log's view of a delivery (the body left out: the event catalog describes it). */
export const deliveryView = ({ body: _body, ...view }: StoredDelivery): Delivery => view;
