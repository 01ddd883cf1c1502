import { taskTokenKeys } from '#platform/data/keys.ts';

/** Every key of the payments' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the payments' items (the waiter is a platform task token). */
export const paymentKeyPrefixes = ['PAYMENT#', 'PAYMENTS#'] as const;

/**
 * A payment's outcome for an order, written by the Stripe webhook (one item per order: the latest
 * outcome allowed to replace the one before), and the task token of the checkout waiting for it: the
 * saga's wait step stores its token under `waiter`, then reads `result` (see docs/payments.md).
 */
export const paymentKeys = {
  result: (orderId: string) => ({ pk: `PAYMENT#${orderId}`, sk: 'RESULT' }),
  /** One refund of the order's payment (docs/payments.md#refunds), named after its request. */
  refund: (orderId: string, refundId: string) => ({ pk: `PAYMENT#${orderId}`, sk: `REFUND#${refundId}` }),
  refundPrefix: 'REFUND#',
  /**
   * A succeeded payment that named the order but was not its own (docs/payments.md#payment-integrity):
   * one per PaymentIntent, so a redelivered event finds it and refunds nothing twice.
   */
  mismatch: (orderId: string, paymentIntentId: string) => ({
    pk: `PAYMENT#${orderId}`,
    sk: `MISMATCH#${paymentIntentId}`,
  }),
  /**
   * The order's refund total: every refund that did not fail, and a version. Each new refund moves it
   * conditionally on the version read, so two refunds racing for the same money cannot both take it.
   */
  refundTotals: (orderId: string) => ({ pk: `PAYMENT#${orderId}`, sk: 'REFUNDS' }),
  /**
   * gsi1 of a refund still `requested` (Stripe has not answered): due for the retry sweep at `dueAt`
   * (ISO 8601, so the sort key orders by it). Sparse: a refund leaves the index when it leaves `requested`.
   * One partition: each refund writes it at most a few times (recorded, each retry, answered), so its
   * 1,000 WCU/s take ~300 refunds a second, far above any refund rate (and a sweep reads it in 1 Query).
   */
  refundRetry: (dueAt: string, orderId: string, refundId: string) => ({
    gsi1pk: 'PAYMENTS#refunds#requested',
    gsi1sk: `${dueAt}#${orderId}#${refundId}`,
  }),
  refundRetryPartition: 'PAYMENTS#refunds#requested',
  /** A task token like any other, under the name `payment-<orderId>`. */
  waiter: (orderId: string) => taskTokenKeys(`payment-${orderId}`),
};

/** The `entity` attribute of the payments' items. */
export const Entity = {
  paymentResult: 'PAYMENT_RESULT',
  refund: 'REFUND',
  refundTotals: 'REFUND_TOTALS',
  paymentMismatch: 'PAYMENT_MISMATCH',
} as const;
