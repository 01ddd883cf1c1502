import { describe, expect, it } from 'vitest';
import { CartService } from '#contexts/carts/data/cart-service.ts';
import { addItemChange } from '#contexts/carts/data/lookup-changes.ts';
import { activeProduct, cartTable, countRequests, writeProduct } from './fixture.ts';

describe('cart DynamoDB requests', () => {
  it.each([1, 10, 40])('reads a %i-line cart with GetItem + Query, then one BatchGetItem', async (lines) => {
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
    // Round trip 1: the cart and the automatic promotions; round trip 2: everything the price depends on.
    expect(requests.sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand']);
    expect(roundTrips).toBe(2);
  });

  it('adds to a 40-line cart with five requests in two round trips', async () => {
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
    // Round trip 1: cart, automatic promotions, the variant by id (gsi1); round trip 2: the conditional Put
    // beside the BatchGetItem of the other lines' data.
    expect(requests.sort()).toEqual([
      'BatchGetItemCommand',
      'GetItemCommand',
      'PutItemCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
    expect(roundTrips).toBe(2);
  });
});
