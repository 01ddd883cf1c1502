import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { reportAbandoned } from '#contexts/carts/data/abandoned.ts';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { CartStore } from '#contexts/carts/data/store.ts';
import { newCart, setEmail, touched } from '#contexts/carts/domain/changes.ts';
import { documentClient } from '#platform/data/client.ts';
import { PlatformEntity } from '#platform/data/keys.ts';
import { cartTable } from './fixture.ts';

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
});
