import { restockSold } from '#contexts/inventory/data/items.ts';
import { orderNotFound } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { issueRefund, type RefundDeps } from '#contexts/payments/data/issue-refund.ts';
import { readRefunds } from '#contexts/payments/data/refund-store.ts';
import { type Refund, refundableOf, refundIdFor } from '#contexts/payments/domain/refunds.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';
import {
  lineRefund,
  notReturnable,
  type ReceiveRequest,
  type Return,
  type ReturnRequest,
  returnIdFor,
} from '../domain/returns.ts';
import { knownLocation } from './fulfil.ts';
import { createReturn, orderOfReturn, receiveReturn } from './return-store.ts';
import { type FulfillmentLedger, readFulfillments } from './store.ts';

/** What returns need: the table, the orders, Stripe (for the refund), and the return window. */
export interface ReturnDeps extends RefundDeps {
  readonly returnWindowDays: number;
}

const ATTEMPTS = 3;

const readBoth = async (deps: ReturnDeps, orderId: string): Promise<[Order, FulfillmentLedger]> => {
  const [order, ledger] = await Promise.all([
    deps.orders.get(orderId),
    readFulfillments(deps.table, orderId),
  ]);
  if (!order) throw orderNotFound(orderId);
  return [order, ledger];
};

/** An order's returns, oldest first. */
export const listReturns = async (deps: ReturnDeps, orderId: string): Promise<Return[]> =>
  (await readBoth(deps, orderId))[1].returns.map((r) => r.orderReturn);

/**
 * Requests a return of shipped units, within the return window after the first shipment, once per
 * Idempotency-Key (another body with the same key: 422). Units not shipped, or returned already: 422.
 */
export const requestReturn = async (
  deps: ReturnDeps,
  orderId: string,
  idempotencyKey: string,
  request: ReturnRequest,
  by: Return['by'],
  now = new Date(),
): Promise<{ readonly orderReturn: Return; readonly replayed: boolean }> => {
  const id = returnIdFor(orderId, idempotencyKey);
  const print = requestFingerprint([request, by]);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId);
    const known = ledger.returns.find((r) => r.orderReturn.id === id);
    if (known) {
      if (known.fingerprint !== print)
        throw new UnprocessableError(
          'This Idempotency-Key was used for another return',
          'idempotency_key_reused',
        );
      return { orderReturn: known.orderReturn, replayed: true };
    }
    const fulfillments = ledger.fulfillments.map((f) => f.fulfillment);
    const problem = notReturnable(
      fulfillments,
      ledger.returns.map((r) => r.orderReturn),
      request.lines,
    );
    if (problem) throw new UnprocessableError(problem, 'not_returnable');
    const firstShipped = fulfillments.flatMap((f) => (f.shipment ? [f.shipment.shippedAt] : [])).sort()[0];
    if (firstShipped && now.getTime() - Date.parse(firstShipped) > deps.returnWindowDays * 86_400_000)
      throw new ConflictError('The return window of this order has closed', 'return_window_closed');
    if (!order.lines.length) throw orderNotFound(orderId);
    const at = now.toISOString();
    const orderReturn: Return = {
      id,
      orderId,
      status: 'requested',
      by,
      lines: request.lines.map((l) => ({ ...l, condition: null, locationId: null })),
      note: request.note ?? null,
      refundAmount: null,
      shippingRefunded: false,
      refundId: null,
      createdAt: at,
      receivedAt: null,
    };
    if ((await createReturn(deps.table, orderReturn, print, ledger.version, now)) === 'written')
      return { orderReturn, replayed: false };
  }
  throw new ConflictError(
    `Other changes of order ${orderId} kept committing first; try again`,
    'fulfillment_conflict',
  );
};

/**
 * Receives a requested return, once: each line restocked at a location (a ledger `return` entry) or
 * discarded, then refunds the lines' share of what was paid (their totals pro rata: price less their
 * share of discounts, with tax) and the shipping if asked and not refunded by an earlier return. Received
 * again: the same answer, no second restock; the refund is made once whatever the retries (its key is the
 * return's), so a refund that Stripe could not take (503) is made by sending the receipt again.
 */
export const receive = async (
  deps: ReturnDeps,
  returnId: string,
  request: ReceiveRequest,
  now = new Date(),
): Promise<{ readonly orderReturn: Return; readonly refund: Refund | null }> => {
  const orderId = await orderOfReturn(deps.table, returnId);
  if (!orderId) throw new NotFoundError(`No return ${returnId}`, 'return_not_found');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [order, ledger] = await readBoth(deps, orderId);
    const stored = ledger.returns.find((r) => r.orderReturn.id === returnId)?.orderReturn;
    if (!stored) throw new NotFoundError(`No return ${returnId}`, 'return_not_found');
    if (stored.status === 'received') return { orderReturn: stored, refund: await refundOf(deps, stored) };
    if (stored.status !== 'requested')
      throw new ConflictError(`Return ${returnId} is ${stored.status}`, 'return_canceled');
    const asked = new Map(request.lines.map((l) => [l.lineId, l]));
    if (asked.size !== stored.lines.length || stored.lines.some((l) => !asked.has(l.lineId)))
      throw new UnprocessableError(
        'Say how every line of the return arrived, once each',
        'return_lines_mismatch',
      );
    for (const l of request.lines)
      if (l.condition === 'restock') await knownLocation(deps.table, l.locationId);
    const receivedBefore = new Map<string, number>();
    for (const { orderReturn: r } of ledger.returns)
      if (r.status === 'received')
        for (const l of r.lines)
          receivedBefore.set(l.lineId, (receivedBefore.get(l.lineId) ?? 0) + l.quantity);
    let amount = 0;
    const lines = stored.lines.map((l) => {
      const line = order.lines.find((o) => o.id === l.lineId);
      if (!line) throw new UnprocessableError(`The order has no line ${l.lineId}`, 'not_returnable');
      amount += lineRefund(line, receivedBefore.get(l.lineId) ?? 0, l.quantity);
      const how = asked.get(l.lineId)!;
      return {
        ...l,
        condition: how.condition,
        locationId: how.condition === 'restock' ? how.locationId : null,
      };
    });
    const shipping =
      request.refundShipping && !ledger.returns.some((r) => r.orderReturn.shippingRefunded)
        ? order.totals.shippingTotal
        : 0;
    // Never more than is left to refund: a refund made apart from returns (the back office's) counts too.
    const { refunds } = await readRefunds(deps.table, orderId);
    const left = refundableOf(
      order.totals.grandTotal,
      refunds.map((r) => r.refund),
    );
    const refundAmount = Math.min(amount + shipping, left);
    const at = now.toISOString();
    const received: Return = {
      ...stored,
      status: 'received',
      lines,
      receivedAt: at,
      refundAmount,
      shippingRefunded: shipping > 0,
      refundId: refundAmount > 0 ? refundIdFor(orderId, refundKeyOf(returnId)) : null,
    };
    const restock = lines.flatMap((l) => {
      if (l.condition !== 'restock' || !l.locationId) return [];
      const variantId = order.lines.find((o) => o.id === l.lineId)!.variantId;
      // Back on the location's first shard: a return is no burst, and shard 0 always exists.
      return restockSold(
        deps.table,
        { variantId, locationId: l.locationId, shard: 0, quantity: l.quantity },
        `return ${returnId}`,
        'system:returns',
        now,
      );
    });
    if ((await receiveReturn(deps.table, received, ledger.version, restock, now)) === 'written')
      return { orderReturn: received, refund: await refundOf(deps, received) };
  }
  throw new ConflictError(
    `Other changes of order ${orderId} kept committing first; try again`,
    'fulfillment_conflict',
  );
};

/** The refund key of a return: one refund per return, whatever the retries. */
const refundKeyOf = (returnId: string) => `return-${returnId}`;

/** The return's refund, made once under a key of the return's (nothing for a refund of 0). */
const refundOf = async (deps: ReturnDeps, r: Return): Promise<Refund | null> => {
  if (!r.refundAmount) return null;
  const { refund } = await issueRefund(deps, r.orderId, refundKeyOf(r.id), {
    amount: r.refundAmount,
    reason: 'requested_by_customer',
    note: `Return ${r.id}`,
  });
  return refund;
};
