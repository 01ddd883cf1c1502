import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { notificationKeys } from '#contexts/notifications/data/keys.ts';
import { queueOrderConfirmation } from '#contexts/notifications/data/queue-order-confirmation.ts';
import { OrderConfirmationUndeliverableError } from '#contexts/notifications/domain/errors.ts';
import { orderConfirmationEmail } from '#contexts/notifications/domain/order-confirmation.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ORDERS_SOURCE, orderPlaced } from '#contexts/orders/events.ts';
import { buildEvent } from '#local/eventbridge/event.ts';
import { toSqsEvent } from '#local/sqs/event.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { sampleOrder } from '../../support/orders.ts';

/** An `OrderPlaced` as SQS carries it from the rule: the bus envelope around the event detail. */
const orderPlacedMessage = (order: Order, eventId = randomUUID()) => ({
  MessageId: randomUUID(),
  ReceiptHandle: randomUUID(),
  Body: JSON.stringify(
    buildEvent({
      id: randomUUID(),
      source: ORDERS_SOURCE,
      detailType: 'OrderPlaced',
      time: new Date(),
      account: '000000000000',
      region: 'eu-central-1',
      resources: [],
      detail: {
        id: eventId,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        data: orderPlaced(order, new Date().toISOString()),
      },
    }),
  ),
});

describe('order confirmation consumer', () => {
  let table: string;
  let client: ReturnType<typeof useLocalDynamo>;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;

  beforeAll(async () => {
    client = useLocalDynamo();
    table = await createTestTable();
    process.env.TABLE_NAME = table;
    ({ handler } = await import('#contexts/notifications/lambda/order-confirmation.ts'));
  });

  const place = async (order: Order) => {
    expect(await transact(orderCreateItems(table, order))).toEqual({ ok: true });
    return order;
  };
  const notification = async (orderId: string) =>
    (
      await client.send(
        new GetCommand({
          TableName: table,
          Key: notificationKeys.email(orderId, 'order-confirmation'),
          ConsistentRead: true,
        }),
      )
    ).Item;

  it('queues the e-mail rendered from the stored order, the item itself the processed-event record', async () => {
    const order = await place(sampleOrder({ status: 'paid' }));
    const eventId = randomUUID();
    expect(await queueOrderConfirmation(table, eventId, order.id)).toBe('queued');
    const item = await notification(order.id);
    expect(item).toMatchObject({ entity: 'NOTIFICATION', eventId, to: 'ada@example.com', status: 'queued' });
    expect(orderConfirmationEmail.parse(item)).toMatchObject({
      orderId: order.id,
      currency: 'EUR',
      grandTotal: `${Math.trunc(order.totals.grandTotal / 100)}.${String(order.totals.grandTotal % 100).padStart(2, '0')}`,
      lines: order.lines.map((l) => ({ quantity: l.quantity })),
    });
  });

  it('writes one e-mail when the same event arrives ten times at once', async () => {
    const order = await place(sampleOrder({ status: 'paid' }));
    const eventId = randomUUID();
    const effects = await Promise.all(
      Array.from({ length: 10 }, () => queueOrderConfirmation(table, eventId, order.id)),
    );
    expect(effects.filter((e) => e === 'queued')).toHaveLength(1);
    expect(effects.filter((e) => e === 'duplicate')).toHaveLength(9);
    expect((await notification(order.id))?.eventId).toBe(eventId);
  });

  it('writes no second e-mail when the order’s event is re-emitted under a new id', async () => {
    const order = await place(sampleOrder({ status: 'paid' }));
    const first = randomUUID();
    expect(await queueOrderConfirmation(table, first, order.id)).toBe('queued');
    expect(await queueOrderConfirmation(table, randomUUID(), order.id)).toBe('duplicate');
    expect((await notification(order.id))?.eventId).toBe(first);
  });

  it.each([
    ['a missing order', () => sampleOrder(), false, 'confirmation_order_missing'],
    [
      'an order without an e-mail',
      () => ({ ...sampleOrder(), email: null }),
      true,
      'confirmation_email_missing',
    ],
  ])('fails with a typed error for %s and writes nothing', async (_, make, stored, code) => {
    const order = make();
    if (stored) await place(order);
    const eventId = randomUUID();
    const attempt = queueOrderConfirmation(table, eventId, order.id);
    await expect(attempt).rejects.toBeInstanceOf(OrderConfirmationUndeliverableError);
    await expect(attempt).rejects.toMatchObject({ code, orderId: order.id });
    expect(await notification(order.id)).toBeUndefined();
  });

  it('reports only the failing messages of a batch (partial batch response)', async () => {
    const placed = await place(sampleOrder({ status: 'paid' }));
    const missing = sampleOrder();
    const good = orderPlacedMessage(placed);
    const bad = orderPlacedMessage(missing);
    const broken = { ...orderPlacedMessage(placed), Body: JSON.stringify({ not: 'an event' }) };
    const source = {
      arn: 'arn:aws:sqs:eu-central-1:000000000000:orderConfirmations',
      region: 'eu-central-1',
    };
    const response = await handler(toSqsEvent([good, bad, broken, good], source));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [bad.MessageId, broken.MessageId].sort(),
    );
    expect(await notification(placed.id)).toBeDefined();
    expect(await notification(missing.id)).toBeUndefined();
  });
});
