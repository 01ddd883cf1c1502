import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CartService } from '#contexts/carts/data/cart-service.ts';
import { cartKeys, Entity } from '#contexts/carts/data/keys.ts';
import { CartStore, cartCloseItem, reopenCart } from '#contexts/carts/data/store.ts';
import { setEmail, setShippingOption } from '#contexts/carts/domain/changes.ts';
import type { CartRecord } from '#contexts/carts/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { cartTable, countRequests } from './fixture.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

const writes = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand'];

const stored = async (table: string, key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

describe('cart index writes', () => {
  it('writes the idle marker once, with the change that gives the cart an e-mail; later edits write no idle index', async () => {
    const table = await cartTable();
    const carts = new CartService(table);
    const created = await carts.create({ currency: 'EUR' }, {}, at(0));
    const id = created.cart.id;
    const caller = { token: created.token! };
    expect(await stored(table, cartKeys.idleMarker(id))).toBeUndefined();

    const arming = await countRequests(() =>
      carts.change(id, caller, { apply: (cart) => setEmail(cart, 'shopper@example.com') }, at(1)),
    );
    // The cart's Put and its marker's, in one transaction.
    expect(arming.requests).toContain('TransactWriteItemsCommand');
    const marker = await stored(table, cartKeys.idleMarker(id));
    expect(marker).toMatchObject({
      entity: Entity.idleMarker,
      cartId: id,
      gsi2sk: `${at(1).toISOString()}#${id}`,
      expiresAt: arming.result.record.expiresAt,
    });

    const edits = [
      (cart: CartRecord) => setEmail(cart, 'other@example.com'),
      (cart: CartRecord) => setShippingOption(cart, 'standard'),
      (cart: CartRecord) => setEmail(cart, 'shopper@example.com'),
    ];
    for (const [i, apply] of edits.entries()) {
      const { requests } = await countRequests(() => carts.change(id, caller, { apply }, at(2 + i)));
      // One conditional Put of the cart: no transaction, no marker write.
      expect(requests.filter((r) => writes.includes(r))).toEqual(['PutItemCommand']);
    }
    // The marker is where it was armed (its index entry never moved) and the cart has no idle keys.
    expect(await stored(table, cartKeys.idleMarker(id))).toEqual(marker);
    const cart = await stored(table, cartKeys.cart(id));
    expect(cart).toMatchObject({ version: 5, updatedAt: at(4).toISOString(), armedAt: at(1).toISOString() });
    expect(cart).not.toHaveProperty('gsi2pk');
    expect(cart).not.toHaveProperty('gsi2sk');
  });

  it('keys a customer’s open cart in gsi1 by its creation, so an edit does not move it, until it closes', async () => {
    const table = await cartTable();
    const carts = new CartService(table);
    const caller = { customerId: 'customer-1' };
    const created = await carts.create({ currency: 'EUR', email: 'c@example.com' }, caller, at(0));
    const id = created.cart.id;
    const gsi1 = { gsi1pk: 'CARTS#customer#customer-1', gsi1sk: `${at(0).toISOString()}#${id}` };
    expect(await stored(table, cartKeys.cart(id))).toMatchObject(gsi1);
    // Created with an e-mail: armed at creation.
    expect((await stored(table, cartKeys.idleMarker(id)))?.gsi2sk).toBe(`${at(0).toISOString()}#${id}`);

    for (const minute of [5, 9])
      await carts.change(id, caller, { apply: (cart) => setShippingOption(cart, `m${minute}`) }, at(minute));
    expect(await stored(table, cartKeys.cart(id))).toMatchObject({ ...gsi1, updatedAt: at(9).toISOString() });

    const open = await new CartStore(table).get(id, at(10));
    expect((await transact([cartCloseItem(table, open!, 'order-1', at(10))])).ok).toBe(true);
    expect(await stored(table, cartKeys.cart(id))).not.toHaveProperty('gsi1pk');
  });

  it('arms a cart reopened after an unpaid checkout anew', async () => {
    const table = await cartTable();
    const carts = new CartService(table);
    const created = await carts.create({ currency: 'EUR', email: 'r@example.com' }, {}, at(0));
    const id = created.cart.id;
    const open = await new CartStore(table).get(id, at(1));
    expect((await transact([cartCloseItem(table, open!, 'order-2', at(1))])).ok).toBe(true);

    expect(await reopenCart(table, id, 'order-2', at(30))).toBe(true);
    expect(await stored(table, cartKeys.cart(id))).toMatchObject({
      status: 'open',
      armedAt: at(30).toISOString(),
    });
    expect((await stored(table, cartKeys.idleMarker(id)))?.gsi2sk).toBe(`${at(30).toISOString()}#${id}`);
  });
});
