import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { reportAbandoned } from '#contexts/carts/data/abandoned.ts';
import { cartsIdleMarkerBackfill } from '#contexts/carts/data/backfill.ts';
import { cartKeys, Entity } from '#contexts/carts/data/keys.ts';
import { CartStore } from '#contexts/carts/data/store.ts';
import { newCart, setShippingOption, touched } from '#contexts/carts/domain/changes.ts';
import type { CartRecord } from '#contexts/carts/domain/schemas.ts';
import { runBackfill } from '#platform/data/backfill.ts';
import { documentClient } from '#platform/data/client.ts';
import { PlatformEntity } from '#platform/data/keys.ts';
import { cartTable, putItem } from './fixture.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

/**
 * A cart item as the code before idle markers wrote it: gsi1 keyed by the last change, and the cart's own
 * idle keys (16 buckets, sorted by the last change) while it is open with an e-mail and unreported.
 */
const oldCartItem = (cart: CartRecord) => ({
  ...cartKeys.cart(cart.id),
  ...(cart.status === 'open' && cart.customerId
    ? { gsi1pk: `CARTS#customer#${cart.customerId}`, gsi1sk: `${cart.updatedAt}#${cart.id}` }
    : {}),
  ...(cart.status === 'open' && cart.email && !cart.abandonedAt
    ? {
        gsi2pk: `CARTS#idle#${Number.parseInt(cart.id.slice(0, 4), 16) % 16}`,
        gsi2sk: `${cart.updatedAt}#${cart.id}`,
      }
    : {}),
  entity: 'CART',
  ...cart,
});

const guest = (minute: number, email?: string) =>
  newCart({ currency: 'EUR', tokenHash: 'f'.repeat(64), now: at(minute), ...(email ? { email } : {}) });
const customer = (minute: number, email?: string) =>
  newCart({ currency: 'EUR', customerId: 'c-old', now: at(minute), ...(email ? { email } : {}) });

/** Every item of the table but the backfill's own checkpoints, in a stable order. */
const everything = async (table: string) => {
  const { Items = [] } = await documentClient().send(
    new ScanCommand({ TableName: table, ConsistentRead: true }),
  );
  return Items.filter((i) => i.entity !== PlatformEntity.backfill).sort((a, b) =>
    `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`),
  );
};

const abandonedCartIds = async (table: string) =>
  (await everything(table))
    .filter((i) => i.entity === PlatformEntity.outbox && i.detailType === 'CartAbandoned')
    .map((i) => i.detail.data.cartId as string)
    .sort();

describe('carts-idle-marker-v1 backfill', () => {
  it('moves stored carts’ idle keys to markers and re-keys gsi1 once; the sweep then reports an old idle cart once', async () => {
    const table = await cartTable();
    const idleGuest = touched(guest(0, 'guest@example.com'), at(2));
    const idleCustomer = customer(1, 'customer@example.com');
    const plainCustomer = touched(customer(3), at(4));
    const reported = { ...guest(0, 'done@example.com'), abandonedAt: at(61).toISOString() };
    const closed = { ...guest(0, 'closed@example.com'), status: 'checked_out' as const, orderId: 'o-1' };
    const anonymous = guest(0);
    for (const cart of [idleGuest, idleCustomer, plainCustomer, reported, closed, anonymous])
      await putItem(table, oldCartItem(cart));
    const current = touched(guest(5, 'new@example.com'), at(6));
    await new CartStore(table).create(current);

    const first = await runBackfill(table, cartsIdleMarkerBackfill, { segments: 2, pageSize: 3 });
    expect(first).toMatchObject({ scanned: 7, migrated: 3 });

    const items = await everything(table);
    const item = (key: { pk: string; sk: string }) => items.find((i) => i.pk === key.pk && i.sk === key.sk);
    for (const cart of [idleGuest, idleCustomer]) {
      expect(item(cartKeys.idleMarker(cart.id))).toMatchObject({
        entity: Entity.idleMarker,
        cartId: cart.id,
        // At the cart's last change: its idle spell keeps counting from there.
        gsi2sk: `${cart.updatedAt}#${cart.id}`,
        expiresAt: cart.expiresAt,
      });
      expect(item(cartKeys.cart(cart.id))).toMatchObject({ armedAt: cart.updatedAt, version: cart.version });
      expect(item(cartKeys.cart(cart.id))).not.toHaveProperty('gsi2pk');
    }
    for (const cart of [idleCustomer, plainCustomer])
      expect(item(cartKeys.cart(cart.id))).toMatchObject({ gsi1sk: `${cart.createdAt}#${cart.id}` });
    for (const cart of [plainCustomer, reported, closed, anonymous]) {
      expect(item(cartKeys.idleMarker(cart.id))).toBeUndefined();
      expect(item(cartKeys.cart(cart.id))).not.toHaveProperty('armedAt');
    }

    // A second run over everything (a fresh name, so no checkpoint says it is done) changes nothing.
    const again = await runBackfill(table, { ...cartsIdleMarkerBackfill, name: 'carts-idle-marker-again' });
    expect(again).toMatchObject({ scanned: 7, migrated: 0 });
    expect(await everything(table)).toEqual(items);

    expect(await reportAbandoned(table, 60, at(70))).toEqual({ reported: 3, skipped: 0 });
    expect(await reportAbandoned(table, 60, at(80))).toEqual({ reported: 0, skipped: 0 });
    expect(await abandonedCartIds(table)).toEqual([idleGuest.id, idleCustomer.id, current.id].sort());
  });

  it('is not needed for correctness: before it runs, the sweep reports a stored idle cart once and an edit arms one', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const waiting = guest(0, 'waiting@example.com');
    const edited = guest(0, 'edited@example.com');
    for (const cart of [waiting, edited]) await putItem(table, oldCartItem(cart));
    // A change under the new code: the cart's own idle keys go, its marker comes in the same write.
    await store.save(touched(setShippingOption((await store.get(edited.id, at(30)))!, 'x'), at(30)));
    expect(await store.get(edited.id, at(30))).toMatchObject({ armedAt: at(30).toISOString() });

    expect(await reportAbandoned(table, 60, at(70))).toEqual({ reported: 1, skipped: 0 });
    expect(await reportAbandoned(table, 60, at(75))).toEqual({ reported: 0, skipped: 0 });
    expect(await reportAbandoned(table, 60, at(91))).toEqual({ reported: 1, skipped: 0 });
    expect(await abandonedCartIds(table)).toEqual([waiting.id, edited.id].sort());
    // Reported, the old cart has lost its idle keys: the backfill has nothing left to do for it.
    const after = await runBackfill(table, cartsIdleMarkerBackfill);
    expect(after).toMatchObject({ migrated: 0 });
  });
});
