import { randomUUID } from 'node:crypto';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { reportAbandoned } from '#contexts/carts/data/abandoned.ts';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { CartStore, cartCloseItem } from '#contexts/carts/data/store.ts';
import { newCart, setEmail, setShippingOption, touched } from '#contexts/carts/domain/changes.ts';
import type { CartRecord } from '#contexts/carts/domain/schemas.ts';
import { documentClient } from '#platform/data/client.ts';
import { PlatformEntity } from '#platform/data/keys.ts';
import { transact } from '#platform/data/transact.ts';
import { cartTable, countRequests } from './fixture.ts';

const abandonedEvents = async (table: string) => {
  const { Items = [] } = await documentClient().send(
    new ScanCommand({
      TableName: table,
      FilterExpression: 'entity = :e AND detailType = :t',
      ExpressionAttributeValues: { ':e': PlatformEntity.outbox, ':t': 'CartAbandoned' },
      ConsistentRead: true,
    }),
  );
  return Items.map((i) => i.detail.data as { cartId: string; email: string });
};

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

/** A guest cart with an e-mail, created at `minute`, its marker in `bucket` when one is given. */
const idleCart = (minute: number, bucket?: number): CartRecord => {
  const cart = setEmail(
    newCart({ currency: 'EUR', tokenHash: 'e'.repeat(64), now: at(minute) }),
    'e@example.com',
  );
  return bucket === undefined
    ? cart
    : { ...cart, id: bucket.toString(16).padStart(4, '0') + randomUUID().slice(4) };
};

const stored = async (table: string, key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

/** Saves a change to a stored cart at `minute`, as every cart route does. */
const edit = async (store: CartStore, cartId: string, minute: number) => {
  const cart = await store.get(cartId, at(minute));
  await store.save(touched(setShippingOption(cart!, `m${minute}`), at(minute)));
};

describe('abandoned-cart sweep', () => {
  it('reports an idle cart with an e-mail once per idle spell, and never one without an e-mail or closed', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const t0 = new Date('2026-11-20T10:00:00.000Z');
    const idle = setEmail(
      newCart({ currency: 'EUR', tokenHash: 'a'.repeat(64), now: t0 }),
      'idle@example.com',
    );
    const anonymous = newCart({ currency: 'EUR', tokenHash: 'b'.repeat(64), now: t0 });
    const closed = {
      ...setEmail(newCart({ currency: 'EUR', tokenHash: 'c'.repeat(64), now: t0 }), 'x@example.com'),
      status: 'checked_out' as const,
    };
    const recent = setEmail(
      newCart({ currency: 'EUR', tokenHash: 'd'.repeat(64), now: new Date('2026-11-20T10:50:00.000Z') }),
      'recent@example.com',
    );
    for (const cart of [idle, anonymous, closed, recent]) await store.create(cart);

    const now = new Date('2026-11-20T11:30:00.000Z');
    expect(await reportAbandoned(table, 60, now)).toEqual({ reported: 1, skipped: 0 });
    expect(await abandonedEvents(table)).toEqual([
      expect.objectContaining({ cartId: idle.id, email: 'idle@example.com' }),
    ]);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table, Key: cartKeys.cart(idle.id), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ abandonedAt: now.toISOString(), version: 1 });
    expect(Item?.gsi2pk).toBeUndefined();
    // Reported once: the next sweep finds nothing new.
    expect(await reportAbandoned(table, 60, now)).toEqual({ reported: 0, skipped: 0 });

    // The shopper comes back (any change re-arms the cart), then leaves again: a second report.
    const back = touched((await store.get(idle.id, now))!, now);
    await store.save(back);
    expect(await reportAbandoned(table, 60, new Date('2026-11-20T12:31:00.000Z'))).toEqual({
      reported: 2,
      skipped: 0,
    });
    expect((await abandonedEvents(table)).map((e) => e.cartId).sort()).toEqual(
      [idle.id, idle.id, recent.id].sort(),
    );
  });

  it('re-arms a cart changed after the cutoff instead of reporting it, then reports it once idle again', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const cart = idleCart(0);
    await store.create(cart);
    await edit(store, cart.id, 50);
    const marker = () => stored(table, cartKeys.idleMarker(cart.id));
    // The edit left the marker where the e-mail armed it.
    expect((await marker())?.gsi2sk).toBe(`${at(0).toISOString()}#${cart.id}`);

    expect(await reportAbandoned(table, 60, at(70))).toEqual({ reported: 0, skipped: 1 });
    expect(await abandonedEvents(table)).toEqual([]);
    // Moved to the last change, off the shopper's path; the cart itself is untouched.
    expect((await marker())?.gsi2sk).toBe(`${at(50).toISOString()}#${cart.id}`);
    expect(await stored(table, cartKeys.cart(cart.id))).toMatchObject({ version: 2 });
    expect(await stored(table, cartKeys.cart(cart.id))).not.toHaveProperty('abandonedAt');

    expect(await reportAbandoned(table, 60, at(100))).toEqual({ reported: 0, skipped: 0 });
    expect(await reportAbandoned(table, 60, at(111))).toEqual({ reported: 1, skipped: 0 });
    expect(await reportAbandoned(table, 60, at(120))).toEqual({ reported: 0, skipped: 0 });
    expect(await abandonedEvents(table)).toEqual([
      expect.objectContaining({ cartId: cart.id, lastActivityAt: at(50).toISOString() }),
    ]);
  });

  it('leaves the marker of a closed cart to its TTL, reports nothing, and never reads it again', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const cart = idleCart(0);
    await store.create(cart);
    const open = await store.get(cart.id, at(5));
    // Closed by checkout's transaction, which does not touch the marker.
    expect((await transact([cartCloseItem(table, open!, 'order-1', at(5))])).ok).toBe(true);
    const marker = await stored(table, cartKeys.idleMarker(cart.id));
    expect(marker).toMatchObject({ expiresAt: cart.expiresAt });

    const first = await countRequests(() => reportAbandoned(table, 60, at(70)));
    expect(first.result).toEqual({ reported: 0, skipped: 1 });
    expect(first.requests).not.toContain('TransactWriteItemsCommand');
    expect(await abandonedEvents(table)).toEqual([]);
    expect(await stored(table, cartKeys.idleMarker(cart.id))).toEqual(marker);
    expect(await stored(table, cartKeys.cart(cart.id))).toMatchObject({ status: 'checked_out', version: 2 });

    // The next run starts after it: it reads its checkpoints and no cart.
    const next = await countRequests(() => reportAbandoned(table, 60, at(75)));
    expect(next.result).toEqual({ reported: 0, skipped: 0 });
    expect(next.requests.filter((r) => r === 'BatchGetItemCommand')).toHaveLength(1);
  });

  it('reports each idle cart once when sweeps run at the same time', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const carts = Array.from({ length: 8 }, (_, i) => idleCart(i, i % 2));
    for (const cart of carts) await store.create(cart);

    const runs = await Promise.all([1, 2, 3].map(() => reportAbandoned(table, 60, at(90))));
    expect(runs.reduce((n, r) => n + r.reported, 0)).toBe(8);
    const reported = (await abandonedEvents(table)).map((e) => e.cartId);
    expect(reported.sort()).toEqual(carts.map((c) => c.id).sort());
  });

  it('keeps a change computed before a report that landed first, and arms the cart anew', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const cart = idleCart(0);
    await store.create(cart);
    const read = await store.get(cart.id, at(65));

    expect(await reportAbandoned(table, 60, at(70))).toEqual({ reported: 1, skipped: 0 });
    // The shopper's change, computed from the version before the report, is saved (no 409) …
    await store.save(touched(setShippingOption(read!, 'late'), at(71)));
    const saved = await stored(table, cartKeys.cart(cart.id));
    expect(saved).toMatchObject({ version: 2, shippingOptionId: 'late', armedAt: at(71).toISOString() });
    expect(saved).not.toHaveProperty('abandonedAt');
    expect((await stored(table, cartKeys.idleMarker(cart.id)))?.gsi2sk).toBe(
      `${at(71).toISOString()}#${cart.id}`,
    );
    // … and starts a new idle spell, reported in its turn.
    expect(await reportAbandoned(table, 60, at(132))).toEqual({ reported: 1, skipped: 0 });
    expect(await abandonedEvents(table)).toHaveLength(2);
  });

  it('reads a backlog over several runs, each going on from where the last one stopped', async () => {
    const table = await cartTable();
    const store = new CartStore(table);
    const carts = [0, 1, 2].map((minute) => idleCart(minute, 7));
    for (const cart of carts) await store.create(cart);

    // A run whose budget is spent reads one page per bucket, then saves where it stopped.
    const small = { pageSize: 1, budgetMs: 0 };
    for (const n of [1, 2, 3]) {
      expect(await reportAbandoned(table, 60, at(90), small)).toEqual({ reported: 1, skipped: 0 });
      expect((await abandonedEvents(table)).map((e) => e.cartId)).toEqual(
        expect.arrayContaining(carts.slice(0, n).map((c) => c.id)),
      );
    }
    expect(await reportAbandoned(table, 60, at(91), small)).toEqual({ reported: 0, skipped: 0 });
    expect(await abandonedEvents(table)).toHaveLength(3);
  });
});
