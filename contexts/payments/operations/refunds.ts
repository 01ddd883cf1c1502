import { z } from 'zod';
import { orderPath } from '#contexts/orders/domain/queries.ts';
import { idempotencyKey, replayedHeader, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { issueRefund, listRefunds } from '../data/issue-refund.ts';
import { refundListSchema, refundRequest, refundSchema } from '../domain/refunds.ts';
import { refundOperation } from '../wiring.ts';

/** Refunds are about a person's payment: never cached. */
const noStore = { 'cache-control': 'no-store' } as const;

const headers = z.object({
  'idempotency-key': idempotencyKey.meta({
    description: 'Required. Names this refund: a retry with the same key answers the same refund',
  }),
});

/** POST /admin/orders/{orderId}/refunds: refunds all or part of what is left of a paid order's payment. */
export const createRefund = refundOperation({
  route: 'POST /admin/orders/{orderId}/refunds',
  access: 'admin',
  operationId: 'createRefund',
  summary: 'Refund all or part of an order’s payment',
  description:
    'Refunds `amount` (minor units of the order’s currency; all that is left when absent) of a paid order’s ' +
    'payment through Stripe. Never more than what is left: what was paid less every refund that did not ' +
    'fail (422 `refund_exceeds_refundable`). The `Idempotency-Key` names the refund: the same key answers the ' +
    'same refund (`Idempotent-Replayed: true`) and Stripe is asked under a key derived from it, so a retry ' +
    'never refunds twice; the same key with another body is 422. Two refunds racing for the same money: one ' +
    'commits, the other is decided again against the new total. Stripe unreachable: 503, and the refund is ' +
    'kept as `requested`: the same request sent again asks Stripe again, and so does a sweep every minute ' +
    '(30 s after it was recorded, then with backoff; after 8 attempts it fails as `provider_unreachable`). ' +
    'A refund Stripe accepts is `pending` or ' +
    '`succeeded` and emits `RefundIssued`; one that fails later (reported by Stripe’s webhook) becomes ' +
    '`failed`, its amount refundable again, and emits `RefundFailed`. An order refunded in full becomes ' +
    '`refunded`. See docs/payments.md#refunds.',
  tags: ['payments', 'orders', 'admin'],
  request: { path: orderPath, headers, body: refundRequest, bodyLimitBytes: 2 * 1024 },
  responses: { 201: { description: 'The refund, as Stripe answered it', schema: refundSchema } },
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found'],
    409: ['order_not_refundable', 'refund_refused', 'refund_conflict'],
    422: ['refund_exceeds_refundable', 'idempotency_key_reused'],
    503: ['payment_provider_unavailable'],
  },
  handle: async ({ path, body, event }, services) => {
    const key = requiredIdempotencyKey(event);
    const { refund, replayed } = await issueRefund(services, path.orderId, key, body);
    return json(201, refund, {
      location: `/admin/orders/${path.orderId}/refunds`,
      ...noStore,
      ...replayedHeader(replayed),
    });
  },
});

/** GET /admin/orders/{orderId}/refunds: the order's refunds and what is left to refund. */
export const listOrderRefunds = refundOperation({
  route: 'GET /admin/orders/{orderId}/refunds',
  access: 'admin',
  operationId: 'listOrderRefunds',
  summary: 'An order’s refunds and what is left to refund',
  description:
    'Every refund of the order, oldest first, with what was paid (`captured`), what is refunded or on its ' +
    'way back (`refunded`: every refund that did not fail) and what is left (`refundable`). `mismatches` ' +
    'lists succeeded payments that named the order but were not its payment (another PaymentIntent, ' +
    'amount or currency): never counted as the order’s money, each refunded in full (its `refund`).',
  tags: ['payments', 'orders', 'admin'],
  request: { path: orderPath },
  responses: { 200: { description: 'The order’s refunds', schema: refundListSchema } },
  problems: { 404: ['order_not_found'] },
  handle: async ({ path }, services) => json(200, await listRefunds(services, path.orderId), noStore),
});

/** The operations of the `paymentsAdmin` function: the back office's refunds. */
export const refundOperations = [createRefund, listOrderRefunds];
