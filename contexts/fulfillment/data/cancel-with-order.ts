import type { Order } from '#contexts/orders/domain/schemas.ts';
import { backoff } from '#platform/data/transact.ts';
import type { Fulfillment } from '../domain/schemas.ts';
import type { StockMove } from '../domain/stock-moves.ts';
import { facetOf } from './fulfil.ts';
import { stockWrites } from './stock.ts';
import { cancelFulfillment, readFulfillments } from './store.ts';

/** Attempts before the cancellation's step gives up and is retried by its workflow. */
const ATTEMPTS = 30;

/**
 * Cancels every open fulfillment of an order being canceled, one transaction each, reading again after
 * each (so each is decided on the current version). A transfer is not undone at the seller: its units go
 * back where they were taken, and the seller keeps what the move gave it, because the order's restock
 * (`stillSold`) skips exactly those units. So nothing here can be refused for want of stock, and the
 * seller's figures end where they began. Answers the moves of every fulfillment canceled this way
 * (also by an earlier run of the step), for `stillSold`.
 */
export const cancelWithOrder = async (
  table: string,
  order: Order,
  now = new Date(),
): Promise<StockMove[]> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ledger = await readFulfillments(table, order.id);
    const open = ledger.fulfillments.find((f) => f.fulfillment.status === 'open');
    if (!open) return ledger.fulfillments.filter((f) => f.canceledWithOrder).flatMap((f) => f.moves);
    const at = now.toISOString();
    const canceled: Fulfillment = { ...open.fulfillment, status: 'canceled', canceledAt: at, updatedAt: at };
    const after = ledger.fulfillments.map((f) => (f === open ? canceled : f.fulfillment));
    const beside = {
      facet: facetOf(table, order, after, at),
      stock: stockWrites(table, canceled.id, order.id, open.moves, 'withOrder', now),
    };
    if ((await cancelFulfillment(table, open.fulfillment, ledger.version, beside, now, true)) !== 'written')
      await backoff(attempt);
  }
  throw new Error(`Order ${order.id}'s open fulfillments could not be canceled now; the step is retried`);
};
