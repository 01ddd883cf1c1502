import { z } from 'zod';
import { derivedId } from '#platform/idempotency/derive.ts';
import { webhookId } from './subscription.ts';

/**
 * The id of the delivery of one event to one subscription: derived from both, so the same event handled
 * twice (a redelivered message) names the same delivery and its conditional Put makes it once. It is the
 * `webhook-id` header too, stable across retries, so a receiver can drop duplicates by it.
 */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string =>
  derivedId('msg', 'webhook-delivery', [subscriptionId, eventId], 27);

export const deliveryId = z.string().regex(/^msg_[A-Za-z0-9_-]{27}$/, 'Expected a delivery id (msg_…)');

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

/** `{webhookId}/deliveries/{deliveryId}` in a path. */
export const deliveryPath = z.strictObject({ webhookId, deliveryId });

/** The body a receiver gets: the event, as Standard Webhooks shapes it (`type`, `timestamp`, `data`). */
export const payloadSchema = z.object({
  type: z.string().max(64),
  id: z.string().max(64),
  timestamp: z.iso.datetime(),
  data: z.unknown(),
});
export type Payload = z.infer<typeof payloadSchema>;

/** One delivery as the log shows it. */
export const deliverySchema = z.object({
  deliveryId,
  webhookId,
  eventType: z.string().max(64),
  eventId: z.string().max(64),
  status: deliveryStatus,
  attempts: z.number().int().min(0),
  lastStatusCode: z.number().int().nullable(),
  lastLatencyMs: z.number().int().min(0).nullable(),
  lastError: z.string().max(500).nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** `GET /admin/webhooks/{webhookId}/deliveries`: one page, newest first, optionally of one status. */
export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
  status: deliveryStatus.optional(),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuery>;

export const deliveryPageSchema = z.object({
  items: z.array(deliverySchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

/** What one attempt came to: a 2xx, another answer, or none (timeout, refused, closed, blocked). */
export interface AttemptResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
}

/** The detail-type of the ping `POST /admin/webhooks/{webhookId}/test` sends. */
export const TEST_EVENT_TYPE = 'WebhookTest';
