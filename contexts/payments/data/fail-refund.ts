import { orderNotFound } from '#contexts/orders/data/repository.ts';
import { paymentStatusOf } from '#contexts/orders/domain/payment-status.ts';
import { backoff } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { refundedTotal } from '../domain/refunds.ts';
import type { RefundDeps } from './refund-deps.ts';
import { markRefundFailed, readRefunds } from './refund-store.ts';

/** Attempts at recording a failure when other refunds of the same order commit in between. */
const ATTEMPTS = 3;

/** Why a refund failed: Stripe's reason (or ours) and Stripe's refund id when it made one. */
export interface RefundFailure {
  readonly reason: string | null;
  readonly providerRefundId: string | null;
}

/**
 * Records that refund `refundId` of an order failed, once (`markRefundFailed`): reads the order and its
 * refunds, works out the payment status the order has without this refund, and writes both on condition
 * of the refund total read; another refund's write in between makes it read again. False when the refund
 * had failed already (or is unknown). 1 Query ∥ 1 Query + 1 TransactWriteItems, per attempt.
 */
export const failRefund = async (
  deps: Pick<RefundDeps, 'table' | 'orders'>,
  orderId: string,
  refundId: string,
  failure: RefundFailure,
  now = new Date(),
  /** The statuses it may fail from (the retry sweep gives up only on a refund still `requested`). */
  from?: Parameters<typeof markRefundFailed>[5],
): Promise<boolean> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await Promise.all([
      deps.orders.getForUpdate(orderId),
      readRefunds(deps.table, orderId),
    ]);
    if (!order) throw orderNotFound(orderId);
    const refund = ledger.refunds.find((r) => r.refund.id === refundId)?.refund;
    if (!refund || refund.status === 'failed') return false;
    const left = ledger.refunds.map((r) => r.refund).filter((r) => r.id !== refundId);
    const paymentStatus = paymentStatusOf(order, refundedTotal(left));
    const effect = await markRefundFailed(
      deps.table,
      refund,
      failure,
      { version: ledger.version, paymentStatus },
      now,
      from,
    );
    if (effect !== 'conflict') return effect === 'failed';
    await backoff(attempt);
  }
  throw new ConflictError(
    `Other refunds of order ${orderId} kept committing first; try again`,
    'refund_conflict',
  );
};
