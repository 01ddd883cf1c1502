import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { addItemChange } from '#contexts/carts/data/lookup-changes.ts';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { placeOrder } from '#contexts/checkout/workflow/place-order.ts';
import { Entity } from '#contexts/orders/data/keys.ts';
import { orderTokenMatches } from '#contexts/orders/domain/token.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { documentClient } from '#platform/data/client.ts';
import { outboxItemEvents } from '../../support/outbox.ts';
import { scanEntity } from '../inventory/harness.ts';

import { checkoutFixture } from './fixture.ts';

describe('placing an order', () => {
  it('holds stock, creates the order, closes the cart and writes its events in one transaction; a retry answers the same order', async () => {
    const f = await checkoutFixture();
    const cart = await f.readyCart(2);
    const placed = await placeOrder(f.deps, {
      cartId: cart.id,
      caller: cart.caller,
      orderId: orderIdFor(cart.id, 'key-1'),
    });

    expect(placed.order).toMatchObject({
      id: orderIdFor(cart.id, 'key-1'),
      status: 'pending_payment',
      cartId: cart.id,
      email: 'g@example.com',
      totals: { subtotal: 4000, shippingTotal: 500, grandTotal: 4500 },
    });
    expect(orderTokenMatches(placed.orderToken!, placed.order.tokenHash)).toBe(true);
    expect(await f.stock.variantStock(f.product.variants[0]!.id)).toMatchObject({
      reserved: 2,
      available: 8,
    });
    const { Item: closed } = await documentClient().send(
      new GetCommand({ TableName: f.table, Key: cartKeys.cart(cart.id), ConsistentRead: true }),
    );
    expect(closed).toMatchObject({ status: 'checked_out', orderId: placed.order.id });
    expect(closed?.gsi2pk).toBeUndefined();
    // The transaction's events ride in one outbox item, each with its own id.
    const placing = (await outboxItemEvents(f.table)).find((item) =>
      item.some((e) => e.detailType === 'CheckoutStarted'),
    );
    expect(placing?.map((e) => e.detailType)).toEqual(['StockReserved', 'CheckoutStarted', 'CartCheckedOut']);
    expect(new Set(placing?.map((e) => e.detail.id)).size).toBe(3);

    const again = await placeOrder(f.deps, {
      cartId: cart.id,
      caller: cart.caller,
      orderId: orderIdFor(cart.id, 'key-1'),
    });
    expect(again).toMatchObject({
      replayed: true,
      orderToken: placed.orderToken,
      order: { id: placed.order.id },
    });
    expect(await f.stock.variantStock(f.product.variants[0]!.id)).toMatchObject({ reserved: 2 });

    await expect(
      placeOrder(f.deps, { cartId: cart.id, caller: cart.caller, orderId: orderIdFor(cart.id, 'key-2') }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'cart_checked_out',
    });
  });

  it('refuses short stock with 409 out_of_stock and changes nothing (the cart stays open)', async () => {
    // The stock summary (what the cart shows) says 10; the shelves hold 1: the reservation decides.
    const f = await checkoutFixture(10);
    await f.admin.put(
      f.product.variants[0]!.id,
      { levels: [{ locationId: 'wh', onHand: 1 }], reason: 'count' },
      'test',
    );
    const cart = await f.readyCart(2);
    await expect(
      placeOrder(f.deps, { cartId: cart.id, caller: cart.caller, orderId: orderIdFor(cart.id, 'k') }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'out_of_stock',
    });
    expect((await f.carts.read(cart.id, cart.caller)).cart.status).toBe('open');
    expect(await f.deps.orders.get(orderIdFor(cart.id, 'k'))).toBeUndefined();
    expect(await f.stock.variantStock(f.product.variants[0]!.id)).toMatchObject({
      reserved: 0,
      available: 1,
    });
    expect(await scanEntity(f.table, Entity.order)).toEqual([]);
  });

  it('redeems a promotion’s last use once when two checkouts race for it', async () => {
    const f = await checkoutFixture(10);
    const { promotion } = await new PromotionRepository(f.table).create({
      name: 'Last one',
      type: 'fixed_amount',
      amounts: { EUR: 100 },
      combinable: true,
      usageLimit: 1,
    });
    const carts = await Promise.all([f.readyCart(1), f.readyCart(1), f.readyCart(1)]);
    const outcomes = await Promise.allSettled(
      carts.map((c) =>
        placeOrder(f.deps, { cartId: c.id, caller: c.caller, orderId: orderIdFor(c.id, 'k') }),
      ),
    );
    const placed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.order] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    // Whoever read the counter before the winner committed is refused whole; later readers pay full price.
    for (const r of refused) expect(r).toMatchObject({ statusCode: 422, code: 'promotion_exhausted' });
    expect(placed.filter((o) => o.totals.discountTotal === 100)).toHaveLength(1);
    const { Item: usage } = await documentClient().send(
      new GetCommand({ TableName: f.table, Key: promotionKeys.usage(promotion.id), ConsistentRead: true }),
    );
    expect(usage).toMatchObject({ used: 1 });
    expect(await f.stock.variantStock(f.product.variants[0]!.id)).toMatchObject({ reserved: placed.length });
  });

  it('refuses an empty cart and a guest cart without a shipping method with 422 codes', async () => {
    const f = await checkoutFixture();
    const bare = await f.carts.create({ currency: 'EUR' }, {});
    await expect(
      placeOrder(f.deps, {
        cartId: bare.cart.id,
        caller: { token: bare.token! },
        orderId: orderIdFor(bare.cart.id, 'k'),
      }),
    ).rejects.toMatchObject({ statusCode: 422, code: 'empty_cart' });
    const noShipping = await f.carts.create({ currency: 'EUR' }, {});
    const caller = { token: noShipping.token! };
    await f.carts.change(
      noShipping.cart.id,
      caller,
      addItemChange(f.table, { variantId: f.product.variants[0]!.id, quantity: 1 }),
    );
    await expect(
      placeOrder(f.deps, {
        cartId: noShipping.cart.id,
        caller,
        orderId: orderIdFor(noShipping.cart.id, 'k'),
      }),
    ).rejects.toMatchObject({
      statusCode: 422,
      code: 'shipping_method_required',
    });
  });
});
