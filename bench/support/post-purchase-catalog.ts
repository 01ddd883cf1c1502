// The post-purchase bench's catalog and the lines each order buys from it.
import { randomUUID } from 'node:crypto';
import { admin, inBatches, type Shop } from './shop.ts';

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
