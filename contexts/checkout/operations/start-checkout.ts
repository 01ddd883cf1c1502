import { z } from 'zod';
import { cartPath } from '#contexts/carts/domain/schemas.ts';
import { cartCallerOf, cartTokenHeaders } from '#contexts/carts/operations/requests.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import { idempotencyKey, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { runCheckout } from '../data/run-checkout.ts';
import { orderIdFor } from '../domain/ids.ts';
import { checkoutOperation } from '../wiring.ts';
import { checkoutResponse, checkoutResponseSchema } from './response.ts';

const headers = z.object({
  'idempotency-key': idempotencyKey.meta({
    description:
      'Required. Names this checkout: a retry with the same key answers the same order and PaymentIntent',
  }),
  ...cartTokenHeaders.shape,
});

/**
 * POST /carts/{cartId}/checkout: runs the checkout workflow synchronously and answers with the order
 * and what Stripe.js needs to pay it, so the storefront never polls. The Idempotency-Key names the order.
 * Optional access: a guest proves the cart with X-Cart-Token, a customer with their token.
 */
export const checkoutCart = checkoutOperation({
  route: 'POST /carts/{cartId}/checkout',
  access: 'optional',
  operationId: 'checkoutCart',
  summary: 'Check a cart out: the order, its stock held, and a PaymentIntent to pay',
  description:
    'Reprices the cart, then in one transaction holds the stock, creates the order (`pending_payment`), ' +
    'redeems its promotion codes and closes the cart; then creates the order’s Stripe PaymentIntent. The ' +
    'answer carries the client secret, so the storefront pays with Stripe.js at once (no polling). The order ' +
    'becomes `paid` when Stripe reports the payment; a declined, canceled or unpaid checkout (the wait is ' +
    '15 minutes) gives the stock and promotion use back. The same `Idempotency-Key` answers the same order ' +
    '(`Idempotent-Replayed: true`); another key for a checked-out cart is 409. A total of 0 (a 100% ' +
    'promotion with free shipping) needs no payment: the order is `paid` at once, `paymentRequired: false` ' +
    'and `payment: null`. A total Stripe cannot charge (below its minimum for the currency, e.g. 0.50 EUR, ' +
    'or above 99,999,999 minor units) is 422 `amount_too_small` / `amount_too_large` before anything is ' +
    'held. A malformed `X-Cart-Token` (over 64 characters) is 400. A customer’s order takes the ' +
    'e-mail from the token when the cart has none. An order holds at most 10 units of a variant (422 ' +
    '`too_many_units`) and an e-mail address has at most 3 unpaid orders at once (409 ' +
    '`too_many_pending_orders`), both refused before anything is held. Stock is held only at the cart’s channel’s stock ' +
    'locations (docs/channels.md). See docs/checkout.md.',
  tags: ['checkout', 'carts', 'orders'],
  request: { path: cartPath, headers },
  responses: {
    201: {
      description: 'The order, awaiting payment (or paid, when its total is 0)',
      schema: checkoutResponseSchema,
    },
  },
  problems: {
    400: ['idempotency_key_required'],
    401: ['invalid_publishable_key'],
    403: ['cart_channel_mismatch'],
    404: ['cart_not_found'],
    409: [
      'cart_checked_out',
      'cart_merged',
      'cart_version_conflict',
      'out_of_stock',
      'checkout_closed',
      'too_many_pending_orders',
    ],
    422: [
      'empty_cart',
      'excluded_lines',
      'shipping_method_required',
      'email_required',
      'too_many_lines',
      'too_many_units',
      'reservation_too_large',
      'promotion_exhausted',
      'promotion_customer_limit_reached',
      'amount_too_small',
      'amount_too_large',
    ],
    503: ['payment_provider_unavailable', 'checkout_unavailable'],
  },
  handle: async (input, { sfn, stateMachineArn }) => {
    const { path, caller, event } = input;
    const key = requiredIdempotencyKey(event);
    // The workflow's input is bounded: a header it would refuse must be a 400 here, not a failed
    // placing step (which starts a saga for an order never placed and answers 503).
    parseInput(cartTokenHeaders, event.headers ?? {}, 'headers');
    const placed = await runCheckout(sfn, stateMachineArn, {
      orderId: orderIdFor(path.cartId, key),
      cartId: path.cartId,
      caller: cartCallerOf(input),
      ...(caller?.email ? { customerEmail: caller.email } : {}),
    });
    return json(201, checkoutResponse(placed), {
      location: `/orders/${placed.orderId}`,
      'cache-control': 'no-store',
      ...(placed.replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
