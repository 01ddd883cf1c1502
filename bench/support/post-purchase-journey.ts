// One guest order from cart to shipped, with a partial fulfilment and a refund of the shipped line
// between (returns do not exist yet: the refund stands in for "return a line, receive it, refund it").
import { randomUUID } from 'node:crypto';
import type { Recorder } from './recorder.ts';
import { admin, inBatches, type Placed, pay, type Shop } from './shop.ts';

/** The bench's catalog: one-variant products, two locations, one shipping option. */
export interface Catalog {
  readonly variantIds: readonly string[];
  readonly locations: readonly [string, string];
  readonly shippingOptionId: string;
  /** Units put on hand per variant, over both locations. */
  readonly stocked: number;
}

const PRICES_EUR = [1500, 2500, 4000];

/** Products priced apart, stocked at two locations (the first preferred), a flat rate to Germany. */
export const postPurchaseCatalog = async (shop: Shop, orders: number): Promise<Catalog> => {
  const tag = randomUUID().slice(0, 8);
  const locations = [`bench-pp-${tag}-a`, `bench-pp-${tag}-b`] as const;
  for (const [i, id] of locations.entries())
    await admin(shop, 'POST', '/admin/stock-locations', { id, name: id, kind: 'warehouse', priority: i + 1 });
  const variantIds = await inBatches(PRICES_EUR, 3, async (price) => {
    const product = await admin(shop, 'POST', '/admin/products', {
      slug: `bench-pp-${tag}-${price}`,
      title: `Bench post-purchase ${price}`,
      description: 'Bench',
      categoryIds: [],
      options: [{ name: 'size', values: ['one'] }],
      variants: [
        {
          sku: `BPP-${tag}-${price}`.toUpperCase(),
          title: 'One size',
          options: { size: 'one' },
          prices: { EUR: price },
        },
      ],
    });
    await admin(shop, 'POST', `/admin/products/${product.id}/publish`, { version: 1 });
    return (product.variants as { id: string }[])[0]!.id;
  });
  // Each variant is line 1 (1 unit) of a third of the orders and line 2 (2 units) of another third:
  // about `orders` units. 60 % of that at each location, so checkouts spill from the first to the second.
  const perLocation = Math.ceil(orders * 0.6) + 5;
  for (const variantId of variantIds)
    await admin(shop, 'PUT', `/admin/inventory/${variantId}`, {
      levels: locations.map((locationId) => ({ locationId, onHand: perLocation })),
    });
  const shippingOptionId = `bench-pp-${tag}`;
  await admin(shop, 'POST', '/admin/shipping-options', {
    id: shippingOptionId,
    name: 'Parcel DE',
    countries: ['DE'],
    rate: { type: 'flat', amounts: { EUR: 500 } },
  });
  return { variantIds, locations, shippingOptionId, stocked: perLocation * 2 };
};

/** The lines of order `i`: 1 unit of one variant, 2 of the next. */
export const linesOf = (catalog: Catalog, i: number) => {
  const n = catalog.variantIds.length;
  return [
    { variantId: catalog.variantIds[i % n]!, quantity: 1 },
    { variantId: catalog.variantIds[(i + 1) % n]!, quantity: 2 },
  ];
};

/** What a finished journey leaves to reconcile. */
export interface Journey {
  readonly orderId: string;
  readonly paymentIntentId: string;
  readonly grandTotal: number;
  readonly refunded: number;
  readonly lines: ReadonlyArray<{ variantId: string; quantity: number }>;
}

interface AdminLine {
  id: string;
  variantId: string;
  quantity: number;
  total: number;
}

const waitPaid = async (rec: Recorder, placed: Placed) => {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const seen = await rec.call('GET /orders/{orderId}', `/orders/${placed.orderId}`, undefined, {
      'x-order-token': placed.orderToken,
    });
    if (seen.body.status === 'paid') return;
    if (performance.now() > deadline)
      throw new Error(`order ${placed.orderId} is ${String(seen.body.status)} after 120 s, not paid`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Fulfils `line` from `locationId` and ships it: two admin calls. */
const fulfilAndShip = async (
  rec: Recorder,
  asAdmin: () => Record<string, string>,
  orderId: string,
  line: AdminLine,
  locationId: string,
  carrier: string,
) => {
  const base = `/admin/orders/${orderId}/fulfillments`;
  const made = await rec.must(
    'POST /admin/orders/{orderId}/fulfillments',
    base,
    { locationId, lines: [{ lineId: line.id, quantity: line.quantity }] },
    asAdmin(),
  );
  const tracking = `${carrier}-${randomUUID().slice(0, 12)}`;
  await rec.must(
    'POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/shipments',
    `${base}/${String(made.id)}/shipments`,
    { carrier, trackingNumber: tracking, trackingUrl: `https://track.example.com/${tracking}` },
    asAdmin(),
  );
};

/** Order `i` from an empty cart to both lines shipped and line 1 refunded. */
export const postPurchaseJourney = async (shop: Shop, rec: Recorder, catalog: Catalog, i: number) => {
  const lines = linesOf(catalog, i);
  const cart = await rec.must('POST /carts', '/carts', { currency: 'EUR' });
  const owner = { 'x-cart-token': String(cart.token) };
  const at = `/carts/${String(cart.id)}`;
  for (const line of lines) await rec.must('POST /carts/{cartId}/items', `${at}/items`, line, owner);
  await rec.must('PUT /carts/{cartId}/email', `${at}/email`, { email: `shopper-${i}@example.com` }, owner);
  const address = {
    name: 'Erika Mustermann',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postalCode: '51147',
    country: 'DE',
  };
  await rec.must('PUT /carts/{cartId}/shipping-address', `${at}/shipping-address`, address, owner);
  await rec.must(
    'PUT /carts/{cartId}/shipping-method',
    `${at}/shipping-method`,
    { optionId: catalog.shippingOptionId },
    owner,
  );
  const placed = (await rec.must('POST /carts/{cartId}/checkout', `${at}/checkout`, undefined, {
    ...owner,
    'idempotency-key': randomUUID(),
  })) as unknown as Placed;
  await rec.timed('Stripe.js confirm (local Stripe)', () => pay(shop, placed.payment));
  await waitPaid(rec, placed);

  const asAdmin = () => ({ authorization: `Bearer ${shop.adminToken}`, 'idempotency-key': randomUUID() });
  const order = await rec.must(
    'GET /admin/orders/{orderId}',
    `/admin/orders/${placed.orderId}`,
    undefined,
    asAdmin(),
  );
  const [first, second] = lines.map(
    (l) => (order.lines as AdminLine[]).find((o) => o.variantId === l.variantId)!,
  );
  if (!first || !second) throw new Error(`order ${placed.orderId} lacks a line it was placed with`);
  await fulfilAndShip(rec, asAdmin, placed.orderId, first, catalog.locations[0], 'DHL');
  await rec.must(
    'POST /admin/orders/{orderId}/refunds',
    `/admin/orders/${placed.orderId}/refunds`,
    { amount: first.total, reason: 'requested_by_customer', note: 'Stands in for a returned line' },
    asAdmin(),
  );
  await fulfilAndShip(rec, asAdmin, placed.orderId, second, catalog.locations[1], 'UPS');
  return {
    orderId: placed.orderId,
    paymentIntentId: placed.payment.paymentIntentId,
    grandTotal: Number((order.totals as { grandTotal: number }).grandTotal),
    refunded: first.total,
    lines,
  } satisfies Journey;
};
