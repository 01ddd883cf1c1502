import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { operationOf } from '#platform/http/operation.ts';
import { loadStripeKeys } from './stripe/keys.ts';
import { paymentGateway } from './stripe/provider.ts';

/** What the Stripe webhook uses, wired once per Lambda instance over one table. */
export const webhookServices = (table: string) => ({
  table,
  orders: new OrderRepository(table),
  /** This deployment's Stripe keys (Secrets Manager, cached): the webhook secret checks signatures. */
  stripeKeys: loadStripeKeys,
  /** The Stripe gateway, only for refunding a payment no order can take. */
  gateway: paymentGateway,
});
export type WebhookServices = ReturnType<typeof webhookServices>;

/** Declares an operation of the `stripeWebhook` function (typed with its services). */
export const webhookOperation = operationOf<WebhookServices>();

/** What the back office's refund operations use, wired once per Lambda instance over one table. */
export const refundServices = (table: string) => ({
  table,
  orders: new OrderRepository(table),
  /** The Stripe gateway, loaded at the first refund (listing refunds never needs it). */
  gateway: paymentGateway,
});
export type RefundServices = ReturnType<typeof refundServices>;

/** Declares an operation of the `paymentsAdmin` function (typed with its services). */
export const refundOperation = operationOf<RefundServices>();
