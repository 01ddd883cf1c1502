import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CartService } from '#contexts/carts/data/cart-service.ts';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { CartStore } from '#contexts/carts/data/store.ts';
import { setShippingOption } from '#contexts/carts/domain/changes.ts';
import { documentClient } from '#platform/data/client.ts';
import { cartTable } from './fixture.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

const stored = async (table: string, key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

describe('claim', () => {
  it('merges into the customer’s most recently changed open cart in the currency, not the newest created', async () => {
    const table = await cartTable();
    const carts = new CartService(table);
    const me = { customerId: 'customer-2' };
    const older = await carts.create({ currency: 'EUR' }, me, at(0));
    const newer = await carts.create({ currency: 'EUR' }, me, at(1));
    await carts.create({ currency: 'USD' }, me, at(2));
    // The older cart is the one changed last.
    await carts.change(older.cart.id, me, { apply: (cart) => setShippingOption(cart, 'x') }, at(3));

    const guest = await carts.create({ currency: 'EUR', email: 'g@example.com' }, {}, at(4));
    const claimed = await carts.claim(guest.cart.id, me.customerId, guest.token!, at(5));
    expect(claimed.record).toMatchObject({ id: older.cart.id, email: 'g@example.com' });
    expect(await new CartStore(table).get(guest.cart.id, at(5))).toMatchObject({
      status: 'merged',
      mergedInto: older.cart.id,
    });
    expect((await new CartStore(table).get(newer.cart.id, at(5)))?.version).toBe(1);
    // The merge gave the customer's cart an e-mail: it is armed in the same transaction.
    expect((await stored(table, cartKeys.idleMarker(older.cart.id)))?.gsi2sk).toBe(
      `${at(5).toISOString()}#${older.cart.id}`,
    );
  });
});
