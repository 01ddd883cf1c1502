import { z } from 'zod';
import { currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { orderId, orderStatus } from '#contexts/orders/domain/schemas.ts';
import type { CheckoutPlaced } from '../data/run-checkout.ts';

/** What Stripe.js needs to pay the order. */
const paymentSchema = z.object({
  provider: z.literal('stripe'),
  paymentIntentId: z.string(),
  clientSecret: z.string().meta({ description: 'For Stripe.js `confirmPayment` only; never log it' }),
  publishableKey: z.string(),
});

/** The answer of `POST /carts/{cartId}/checkout`: the order and what Stripe.js needs to pay it. */
export const checkoutResponseSchema = z
  .object({
    orderId,
    orderToken: z
      .string()
      .nullable()
      .meta({ description: 'For a guest order: the `X-Order-Token` that opens it. Null for a customer.' }),
    status: orderStatus.meta({
      description: '`pending_payment` for a new checkout; `paid` when the total is 0 (nothing to pay)',
    }),
    total: minorUnits.meta({ description: 'The amount to pay: the order’s grand total, minor units' }),
    currency: currencyCode,
    priceChanges: z
      .array(z.object({ variantId: z.string(), previousUnitPrice: minorUnits, unitPrice: minorUnits }))
      .meta({
        description: 'Lines whose price changed since they were added: the order is at the new price',
      }),
    paymentRequired: z.boolean().meta({
      description:
        'False when the total is 0 (a 100% promotion with free shipping): the order is paid as placed, ' +
        'with no PaymentIntent, and `payment` is null',
    }),
    payment: paymentSchema.nullable().meta({ description: 'Null when `paymentRequired` is false' }),
  })
  .meta({ id: 'Checkout' });
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;

/** The payment part of a placed checkout: null when it needs none (the workflow's `PlacedFree`). */
const paymentOf = (placed: CheckoutPlaced): CheckoutResponse['payment'] =>
  placed.paymentIntentId && placed.clientSecret && placed.publishableKey
    ? {
        provider: 'stripe',
        paymentIntentId: placed.paymentIntentId,
        clientSecret: placed.clientSecret,
        publishableKey: placed.publishableKey,
      }
    : null;

/** The response body of a placed checkout. */
export const checkoutResponse = (placed: CheckoutPlaced): CheckoutResponse => {
  const payment = paymentOf(placed);
  return {
    orderId: placed.orderId,
    orderToken: placed.orderToken,
    status: orderStatus.parse(placed.status),
    total: placed.total.grandTotal,
    currency: currencyCode.parse(placed.total.currency),
    priceChanges: placed.priceChanges,
    paymentRequired: payment !== null,
    payment,
  };
};
