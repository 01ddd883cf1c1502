import Stripe from 'stripe';
import { newId } from './ids.ts';
import {
  type ChargeObject,
  type EventObject,
  type LocalEventType,
  type PaymentIntentObject,
  unixSeconds,
} from './objects.ts';

/** The API call an event came from, as `event.request` reports it. */
export interface RequestMeta {
  readonly requestId: string;
  readonly idempotencyKey: string | null;
}

/**
 * An event as Stripe renders it: a snapshot of the object right after the change, in the webhook
 * endpoint's API version (Stripe pins one per endpoint; here the version this SDK speaks).
 */
export const buildEvent = (
  type: LocalEventType,
  object: PaymentIntentObject | ChargeObject,
  meta: RequestMeta,
  now = new Date(),
): EventObject => ({
  id: newId('evt'),
  object: 'event',
  api_version: Stripe.API_VERSION,
  created: unixSeconds(now),
  data: { object: structuredClone(object) },
  livemode: false,
  pending_webhooks: 1,
  request: { id: meta.requestId, idempotency_key: meta.idempotencyKey },
  type,
});
