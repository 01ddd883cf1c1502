import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { orderConfirmationEmail } from '#contexts/notifications/domain/order-confirmation.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ORDERS_SOURCE, orderPlaced } from '#contexts/orders/events.ts';
import { LOCAL_MAIL_FROM } from '#local/cloud.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { cloud, eventually, sdkConfig, useLocalDynamo } from '../support/cloud.ts';
import { mailTo } from '../support/mail.ts';
import { queuedConfirmation, sampleOrder } from '../support/orders.ts';

/** The order and its `OrderPlaced` outbox record in one transaction, as the checkout saga writes them. */
const placeWithEvent = async (order: Order) => {
  const event = outboxItem(ORDERS_SOURCE, 'OrderPlaced', orderPlaced(order, new Date().toISOString()));
  await useLocalDynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        ...orderCreateItems(cloud().tableName, order),
        { Put: { TableName: cloud().tableName, Item: event } },
      ],
    }),
  );
  return event;
};

/** The detail of an `OrderPlaced` event for `order`, as the outbox relay puts it on the bus. */
const placedDetail = (order: Order) => ({
  id: randomUUID(),
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
  data: orderPlaced(order, new Date().toISOString()),
});

/** `OrderPlaced` events put straight on the bus, in order (redeliveries, or for orders not stored). */
const putOnBus = async (details: ReadonlyArray<Record<string, unknown>>) => {
  const bus = new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge));
  const { FailedEntryCount } = await bus.send(
    new PutEventsCommand({
      Entries: details.map((detail) => ({
        EventBusName: cloud().eventBusName,
        Source: ORDERS_SOURCE,
        DetailType: 'OrderPlaced',
        Detail: JSON.stringify(detail),
      })),
    }),
  );
  expect(FailedEntryCount).toBe(0);
};

/** A paid order with an address of its own, so the mail sink's messages to it are this test's. */
const paidOrder = (): Order => ({ ...sampleOrder({ status: 'paid' }), email: `${randomUUID()}@example.com` });

/** The confirmation once it is recorded `sent`, if it is by now. */
const sentConfirmation = async (orderId: string) => {
  const item = await queuedConfirmation(orderId);
  return item?.status === 'sent' ? item : undefined;
};

const sqs = () => new SQSClient(sdkConfig(cloud().endpoints.sqs));
const queue = () => cloud().queues.notifications!;

/** True once nothing waits in the queue, is being handled or waits out a visibility timeout. */
const drained = async () => {
  const { Attributes = {} } = await sqs().send(
    new GetQueueAttributesCommand({
      QueueUrl: queue().url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Attributes.ApproximateNumberOfMessages === '0' &&
    Attributes.ApproximateNumberOfMessagesNotVisible === '0'
    ? true
    : undefined;
};

/** The dead-letter queue's message whose body mentions `text`, if there is one now. */
const parkedWith = async (text: string) => {
  const { Messages = [] } = await sqs().send(
    new ReceiveMessageCommand({ QueueUrl: queue().dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  );
  return Messages.find((m) => m.Body?.includes(text));
};

describe('order confirmation: OrderPlaced → rule → queue → consumer → SES (local mail sink)', () => {
  it('sends the confirmation e-mail of an order placed with its outbox event, and records it sent', async () => {
    const order = paidOrder();
    const event = await placeWithEvent(order);
    const item = await eventually(() => sentConfirmation(order.id));
    expect(item).toMatchObject({ entity: 'NOTIFICATION', eventId: event.detail.id, to: order.email });
    expect(orderConfirmationEmail.parse(item)).toMatchObject({
      template: 'order-confirmation',
      orderId: order.id,
      currency: 'EUR',
      status: 'sent',
    });
    expect(item.lines).toHaveLength(order.lines.length);
    const mail = await mailTo(order.email!);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      id: item.messageId,
      from: LOCAL_MAIL_FROM,
      to: [order.email],
      subject: item.subject,
      tags: { template: 'order-confirmation' },
    });
    expect(mail[0]?.text).toContain(order.id);
  });

  it('sends one e-mail when the same event is delivered again', async () => {
    const order = paidOrder();
    const event = await placeWithEvent(order);
    const first = await eventually(() => sentConfirmation(order.id));
    // The same detail (same event id) twice more, then another order's event as a sentinel in the same
    // call: once the sentinel's e-mail exists and the queue is empty, the redeliveries were handled too.
    const sentinel = paidOrder();
    await useLocalDynamo().send(
      new TransactWriteCommand({ TransactItems: orderCreateItems(cloud().tableName, sentinel) }),
    );
    await putOnBus([event.detail, event.detail, placedDetail(sentinel)]);
    await eventually(() => sentConfirmation(sentinel.id));
    await eventually(drained);
    expect(await queuedConfirmation(order.id)).toEqual(first);
    expect(await mailTo(order.email!)).toHaveLength(1);
    expect(await parkedWith(event.detail.id)).toBeUndefined();
  });

  it('parks an OrderPlaced for a missing order in the dead-letter queue after max receives', async () => {
    const missing = paidOrder();
    const detail = placedDetail(missing);
    await putOnBus([detail]);
    const parked = await eventually(() => parkedWith(detail.id), 30_000);
    expect(JSON.parse(parked.Body!).detail.data.orderId).toBe(missing.id);
    expect(await queuedConfirmation(missing.id)).toBeUndefined();
    expect(await mailTo(missing.email!)).toEqual([]);
    const { Attributes } = await sqs().send(
      new GetQueueAttributesCommand({ QueueUrl: queue().url, AttributeNames: ['RedrivePolicy'] }),
    );
    expect(JSON.parse(Attributes!.RedrivePolicy!).maxReceiveCount).toBe(
      app.queues.notifications!.maxReceiveCount,
    );
  });
});
