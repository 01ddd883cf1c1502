import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity, reservationKeys } from '#contexts/inventory/data/keys.ts';
import { settleReservation } from '#contexts/inventory/data/settle.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { finishCancel } from '#contexts/orders/workflow/cancel.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { waitBudget } from '../../support/budget.ts';
import { sampleOrder } from '../../support/orders.ts';
import { outboxEvents } from '../../support/outbox.ts';
import { expectInvariants, inventoryFixture, scanEntity } from '../inventory/harness.ts';

type Fixture = Awaited<ReturnType<typeof inventoryFixture>>;

/** Lines of each order: more than one transaction's 100 items can restock (2 items per allocation). */
const LINES = 60;
const ON_HAND = 10;
const variants = Array.from({ length: LINES }, (_, i) => `cx-${String(i).padStart(2, '0')}`);

/** Stock summed over every level. */
const onHand = async (f: Fixture) =>
  (await scanEntity(f.table, Entity.stockLevel)).reduce((s, l) => s + (l.onHand as number), 0);

/** The `return` ledger entries of one order's cancellation. */
const returns = async (f: Fixture, orderId: string) =>
  (await scanEntity(f.table, Entity.stockLedger)).filter(
    (e) => e.type === 'return' && e.reason === `order ${orderId} canceled`,
  );

const canceledEvents = async (f: Fixture, orderId: string) =>
  (await outboxEvents(f.table)).filter(
    (o) =>
      o.detailType === 'OrderCanceled' &&
      (o.detail as { data: { orderId: string } }).data.orderId === orderId,
  );

const stored = async (f: Fixture, key: Record<string, string>) =>
  (await documentClient().send(new GetCommand({ TableName: f.table, Key: key, ConsistentRead: true }))).Item;

/**
 * Lets `allowed` TransactWriteItems through, then fails every later one as a Lambda that dies would
 * leave it: what it sent is applied, the rest never is.
 */
const crashAfterTransactions = async <T>(allowed: number, work: () => Promise<T>) => {
  const name = `crash-${Math.random()}`;
  let sent = 0;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand' && ++sent > allowed)
        throw new Error('The function died');
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return await work();
  } finally {
    documentClient().middlewareStack.remove(name);
  }
};

describe('finishing the cancellation of an order of 60 stock allocations', () => {
  let f: Fixture;
  let orders: OrderRepository;
  const promotionId = 'promo-cancel-restock';

  beforeAll(
    async () => {
      f = await inventoryFixture();
      orders = new OrderRepository(f.table);
      await f.locations.create({ id: 'wh', name: 'W', kind: 'warehouse', priority: 1, regions: [] });
      await Promise.all(
        variants.map((v) =>
          f.admin.put(v, { levels: [{ locationId: 'wh', onHand: ON_HAND }], reason: 'count' }, 'test'),
        ),
      );
    },
    waitBudget(LINES * 4),
  );

  /** A paid order of one unit of every variant, its stock sold (committed), asked to cancel. */
  const cancelPending = async (): Promise<Order> => {
    const placed = sampleOrder({ status: 'cancel_pending' });
    const order: Order = { ...placed, promotionUsage: [{ promotionId, scope: 'total' }] };
    await f.reservations.reserve({
      reservationId: order.reservationId,
      ref: `order:${order.id}`,
      lines: variants.map((variantId) => ({ variantId, quantity: 1 })),
    });
    const sold = await settleReservation(f.table, order.reservationId, 'commit');
    expect(sold.reservation).toMatchObject({ status: 'committed', settledThrough: LINES });
    expect(await transact(orderCreateItems(f.table, order))).toEqual({ ok: true });
    // The promotion use its checkout consumed, given back by the cancellation.
    await documentClient().send(
      new PutCommand({
        TableName: f.table,
        Item: { ...promotionKeys.usage(promotionId), entity: 'PROMOTION_USAGE', used: 1 },
      }),
    );
    return order;
  };

  const input = (order: Order) => ({ orderId: order.id, by: 'admin' as const, reason: 'test' });
  const usage = async () => (await stored(f, promotionKeys.usage(promotionId)))?.used;

  it('puts all 60 sold units back and cancels once; the step run again moves nothing', async () => {
    const order = await cancelPending();
    const before = await onHand(f);

    expect(await finishCancel({ table: f.table, orders }, input(order))).toEqual({ status: 'canceled' });
    expect(await onHand(f)).toBe(before + LINES);
    expect(await returns(f, order.id)).toHaveLength(LINES);
    expect(await stored(f, reservationKeys.reservation(order.reservationId))).toMatchObject({
      restockedThrough: LINES,
    });
    expect((await orders.get(order.id))?.status).toBe('canceled');
    expect(await usage()).toBe(0);
    expect(await canceledEvents(f, order.id)).toHaveLength(1);

    expect(await finishCancel({ table: f.table, orders }, input(order))).toEqual({ status: 'canceled' });
    expect(await onHand(f)).toBe(before + LINES);
    expect(await returns(f, order.id)).toHaveLength(LINES);
    expect(await usage()).toBe(0);
    expect(await canceledEvents(f, order.id)).toHaveLength(1);
    await expectInvariants(f.table);
  });

  it('keeps the order cancel_pending after a crash between chunks, and a retry finishes from there', async () => {
    const order = await cancelPending();
    const before = await onHand(f);

    // The first chunk (49 allocations) lands, then the function dies before the second.
    await expect(
      crashAfterTransactions(1, () => finishCancel({ table: f.table, orders }, input(order))),
    ).rejects.toThrow('The function died');
    expect(await onHand(f)).toBe(before + 49);
    expect(await stored(f, reservationKeys.reservation(order.reservationId))).toMatchObject({
      restockedThrough: 49,
    });
    expect((await orders.get(order.id))?.status).toBe('cancel_pending');
    expect(await usage()).toBe(1);
    expect(await canceledEvents(f, order.id)).toHaveLength(0);
    await expectInvariants(f.table);

    expect(await finishCancel({ table: f.table, orders }, input(order))).toEqual({ status: 'canceled' });
    expect(await onHand(f)).toBe(before + LINES);
    expect(await returns(f, order.id)).toHaveLength(LINES);
    expect(await usage()).toBe(0);
    expect(await canceledEvents(f, order.id)).toHaveLength(1);
    await expectInvariants(f.table);
  });

  it('moves every unit once when two runs of the step race', async () => {
    const order = await cancelPending();
    const before = await onHand(f);

    const both = await Promise.all([
      finishCancel({ table: f.table, orders }, input(order)),
      finishCancel({ table: f.table, orders }, input(order)),
    ]);
    expect(both).toEqual([{ status: 'canceled' }, { status: 'canceled' }]);
    expect(await onHand(f)).toBe(before + LINES);
    expect(await returns(f, order.id)).toHaveLength(LINES);
    expect(await usage()).toBe(0);
    expect(await canceledEvents(f, order.id)).toHaveLength(1);
    await expectInvariants(f.table);
  });
});
