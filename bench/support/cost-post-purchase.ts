// The post-purchase calls the cost model prices, one at a time through the API as a back office (and a
// customer, for the return) makes them: fulfil, ship, return a line, receive it (which refunds it), an
// admin refund, and a cancellation (its workflow runs to `canceled` before the next starts).
import { randomUUID } from 'node:crypto';
import { lambdas } from './lambdas.ts';
import { admin, must, type Placed, type Shop } from './shop.ts';

/** A paid order and its lines as the back office reads them. */
export interface PaidOrder {
  readonly placed: Placed;
  readonly lines: ReadonlyArray<{ id: string; quantity: number }>;
}

/** Reads a placed order's lines (not measured: the back office has them on screen). */
export const paidOrder = async (shop: Shop, placed: Placed): Promise<PaidOrder> => {
  const order = await admin(shop, 'GET', `/admin/orders/${placed.orderId}`);
  return { placed, lines: order.lines as { id: string; quantity: number }[] };
};

/** Waits until `count` more invocations of `fn` than `before` have answered without error. */
const untilRan = async (fn: string, before: number, count: number) => {
  const deadline = performance.now() + 120_000;
  const ran = () => lambdas.since(0).filter((i) => i.fn === fn && i.ok).length;
  while (ran() < before + count) {
    if (performance.now() > deadline) throw new Error(`${fn} ran ${ran() - before} times, not ${count}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The operations, each taking one order; the ids they make are kept for the next. */
export const postPurchaseOperations = (shop: Shop, locationId: string) => {
  const asAdmin = () => ({ authorization: `Bearer ${shop.adminToken}`, 'idempotency-key': randomUUID() });
  const fulfillments = new Map<string, string>();
  const returns = new Map<string, string>();
  const at = (o: PaidOrder) => `/admin/orders/${o.placed.orderId}`;
  const firstLine = (o: PaidOrder) => o.lines[0]!;
  return {
    /** Every unit of the order in one fulfilment (one parcel). */
    fulfil: async (o: PaidOrder) => {
      const lines = o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity }));
      const made = await must(shop, 'POST', `${at(o)}/fulfillments`, { locationId, lines }, asAdmin());
      fulfillments.set(o.placed.orderId, String(made.id));
    },
    ship: async (o: PaidOrder) => {
      const id = fulfillments.get(o.placed.orderId);
      const tracking = `DHL-${randomUUID().slice(0, 12)}`;
      const body = {
        carrier: 'DHL',
        trackingNumber: tracking,
        trackingUrl: `https://track.example.com/${tracking}`,
      };
      await must(shop, 'POST', `${at(o)}/fulfillments/${id}/shipments`, body, asAdmin());
    },
    /** The customer returns the first line through the storefront, with the order's token. */
    return: async (o: PaidOrder) => {
      const line = firstLine(o);
      const body = { lines: [{ lineId: line.id, quantity: line.quantity, reason: 'no_longer_needed' }] };
      const made = await must(shop, 'POST', `/orders/${o.placed.orderId}/returns`, body, {
        'x-order-token': o.placed.orderToken,
        'idempotency-key': randomUUID(),
      });
      returns.set(o.placed.orderId, String(made.id));
    },
    /** Back on the shelf; the receipt refunds the line's share. */
    receive: async (o: PaidOrder) => {
      const body = { lines: [{ lineId: firstLine(o).id, condition: 'restock', locationId }] };
      const received = await must(
        shop,
        'POST',
        `/admin/returns/${returns.get(o.placed.orderId)}/receive`,
        body,
        asAdmin(),
      );
      if (received.refundId === null) throw new Error(`return of ${o.placed.orderId} refunded nothing`);
    },
    /** A goodwill refund of EUR 1 through the refund API, apart from any return. */
    refund: async (o: PaidOrder) => {
      const body = { amount: 100, reason: 'requested_by_customer', note: 'Goodwill' };
      await must(shop, 'POST', `${at(o)}/refunds`, body, asAdmin());
    },
    /** The back office cancels the order; its workflow's two steps (refund, finish) run before the next. */
    cancel: async (o: PaidOrder) => {
      const before = lambdas.since(0).filter((i) => i.fn === 'orderCancellationSteps' && i.ok).length;
      await must(shop, 'POST', `${at(o)}/cancel`, { reason: 'Customer changed their mind' }, asAdmin());
      await untilRan('orderCancellationSteps', before, 2);
    },
  };
};
export type PostPurchaseOperation = keyof ReturnType<typeof postPurchaseOperations>;
