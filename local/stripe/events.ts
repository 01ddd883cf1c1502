import Stripe from 'stripe';
import { newId } from './ids.ts';
import { type Emission, type EventObject, unixSeconds } from './objects.ts';

/** The API call an event came from, as `event.request` reports it; both null for a later change. */
export interface RequestMeta {
  readonly requestId: string | null;
  readonly idempotencyKey: string | null;
}

/** What Stripe reports for an event no API call caused (a refund that fails days later). */
export const NO_REQUEST: RequestMeta = { requestId: null, idempotencyKey: null };

/**
 * An event as Stripe renders it: a snapshot of the object right after the change (and, for an update,
 * the fields it changed as they were), in the webhook endpoint's API version (Stripe pins one per
 * endpoint; here the version this SDK speaks).
 */
export const buildEvent = (emission: Emission, meta: RequestMeta, now = new Date()): EventObject => ({
  id: newId('evt'),
  object: 'event',
  api_version: Stripe.API_VERSION,
  created: unixSeconds(now),
  data: {
    object: structuredClone(emission.object),
    ...(emission.previous ? { previous_attributes: structuredClone(emission.previous) } : {}),
  },
  livemode: false,
  pending_webhooks: 1,
  request: { id: meta.requestId, idempotency_key: meta.idempotencyKey },
  type: emission.type,
});
