import { describe, expect, it } from 'vitest';
import { CartService } from '#contexts/carts/data/cart-service.ts';
import { addItemChange } from '#contexts/carts/data/lookup-changes.ts';
import { activeProduct, cartTable, countRequests, writeProduct } from './fixture.ts';

describe('cart DynamoDB requests', () => {
  // Three keys a line (variant, stock summary, price-list prices) plus the tax settings: one BatchGetItem
  // per 100 keys, sent in parallel, so the round trips stay two whatever the line count.
  it.each([
    [1, 1],
    [10, 1],
    [40, 2],
  ])(
    'reads a %i-line cart with GetItem + 2 Queries, then %i BatchGetItem in parallel',
    async (lines, batches) => {
      const table = await cartTable();
      const product = activeProduct(lines);
      await writeProduct(table, product, 5);
      const carts = new CartService(table);
      const created = await carts.create({ currency: 'EUR' }, {});
      const caller = { token: created.token! };
      for (const v of product.variants)
        await carts.change(created.cart.id, caller, addItemChange(table, { variantId: v.id, quantity: 1 }));

      const { result, requests, roundTrips } = await countRequests(() => carts.read(created.cart.id, caller));
      expect(result.cart.lines).toHaveLength(lines);
      expect(result.cart.lines.every((l) => l.available === 5 && l.flags.length === 0)).toBe(true);
      // Round trip 1: the cart, the automatic promotions and the active price lists; round trip 2:
      // everything the price depends on.
      expect(requests.sort()).toEqual([
        ...Array<string>(batches).fill('BatchGetItemCommand'),
        'GetItemCommand',
        'QueryCommand',
        'QueryCommand',
      ]);
      expect(roundTrips).toBe(2);
    },
  );

  it('adds to a 40-line cart with seven requests in three round trips', async () => {
    const table = await cartTable();
    const product = activeProduct(41);
    await writeProduct(table, product, 5);
    const carts = new CartService(table);
    const created = await carts.create({ currency: 'EUR' }, {});
    const caller = { token: created.token! };
    for (const v of product.variants.slice(0, 40))
      await carts.change(created.cart.id, caller, addItemChange(table, { variantId: v.id, quantity: 1 }));

    const last = product.variants[40]!;
    const { result, requests, roundTrips } = await countRequests(() =>
      carts.change(created.cart.id, caller, addItemChange(table, { variantId: last.id, quantity: 2 })),
    );
    expect(result.cart.lines.at(-1)).toMatchObject({
      variantId: last.id,
      quantity: 2,
      unitPrice: last.prices.EUR,
    });
    // Round trip 1: cart, automatic promotions, active price lists, the variant by id (gsi1); round trip
    // 2: the BatchGetItems (123 keys: two in parallel) of the lines' data; round trip 3: the conditional
    // Put, once the new line's price (a price list's, maybe) is known.
    expect(requests.sort()).toEqual([
      'BatchGetItemCommand',
      'BatchGetItemCommand',
      'GetItemCommand',
      'PutItemCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
    expect(roundTrips).toBe(3);
  });
});
