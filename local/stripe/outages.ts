import type { FormObject } from './form.ts';

/**
 * Simulated Stripe outages for fault tests (local only; real Stripe has no such thing): the next
 * `count` PaymentIntent or refund creations for one order answer 500 `api_error`. Keyed by the order
 * (`metadata[orderId]`) so tests running side by side on one local Stripe cannot hit each other's
 * outage. Only an outage before the request executes is simulated (unreachable, refused at the edge):
 * its result is not saved under the idempotency key, so a retry with the key can succeed. Stripe saves
 * the result of a request that began executing, 500 included, and replays it for that key.
 */
export interface Outages {
  add(orderId: string, count: number): void;
  /** Whether this request is one of an outage's failures (and counts it). */
  strikes(method: string, path: string, form: FormObject): boolean;
}

/** The creations an outage strikes: both carry the order's id in `metadata[orderId]`. */
const STRUCK_PATHS = new Set(['/v1/payment_intents', '/v1/refunds']);

export const createOutages = (): Outages => {
  const remaining = new Map<string, number>();
  return {
    add: (orderId, count) => {
      if (count > 0) remaining.set(orderId, count);
      else remaining.delete(orderId);
    },
    strikes: (method, path, form) => {
      if (method !== 'POST' || !STRUCK_PATHS.has(path)) return false;
      const metadata = form.metadata;
      const orderId = typeof metadata === 'object' && !Array.isArray(metadata) ? metadata.orderId : undefined;
      const left = typeof orderId === 'string' ? remaining.get(orderId) : undefined;
      if (left === undefined) return false;
      if (left <= 1) remaining.delete(orderId as string);
      else remaining.set(orderId as string, left - 1);
      return true;
    },
  };
};
