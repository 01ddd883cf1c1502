import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { notificationKeys } from '#contexts/notifications/data/keys.ts';
import { putQueued } from '#contexts/notifications/data/notification-items.ts';
import { sendOrderNotification } from '#contexts/notifications/data/send-notification.ts';
import { sesMailer } from '#contexts/notifications/data/ses-mailer.ts';
import { MailNotSentError, NotificationUndeliverableError } from '#contexts/notifications/domain/errors.ts';
import type { Mailer } from '#contexts/notifications/domain/mailer.ts';
import {
  orderConfirmationEmail,
  renderOrderConfirmation,
} from '#contexts/notifications/domain/order-confirmation.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ORDERS_SOURCE, orderPlaced } from '#contexts/orders/events.ts';
import { toSqsEvent } from '#local/sqs/event.ts';
import { transact } from '#platform/data/transact.ts';
import { sdkConfig, type useLocalDynamo } from '../../support/cloud.ts';
import {
  busMessage,
  localMailer,
  mailTo,
  notificationsConsumerOnTestTable,
  TEST_MAIL_FROM,
} from '../../support/mail.ts';
import { sampleOrder } from '../../support/orders.ts';

const FROM = TEST_MAIL_FROM;
const LEASE_MS = 20_000;

/** An `OrderPlaced` as SQS carries it from the rule. */
const orderPlacedMessage = (order: Order, eventId = randomUUID()) =>
  busMessage(ORDERS_SOURCE, 'OrderPlaced', orderPlaced(order, new Date().toISOString()), eventId);

/** A paid order with an address of its own, so the shared mail sink's messages to it are its own. */
const paidOrder = (): Order => ({ ...sampleOrder({ status: 'paid' }), email: `${randomUUID()}@example.com` });

describe('order confirmation consumer', () => {
  let table: string;
  let client: ReturnType<typeof useLocalDynamo>;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  let mailer: Mailer;

  beforeAll(async () => {
    ({ client, table, handler } = await notificationsConsumerOnTestTable());
    mailer = localMailer();
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
  const send = (orderId: string, eventId = randomUUID(), using = mailer) =>
    sendOrderNotification(table, using, eventId, orderId, renderOrderConfirmation, { leaseMs: LEASE_MS });

  it('sends the e-mail rendered from the stored order and records it sent with the SES MessageId', async () => {
    const order = await place(paidOrder());
    const eventId = randomUUID();
    expect(await send(order.id, eventId)).toBe('sent');
    const [message, ...others] = await mailTo(order.email!);
    expect(others).toEqual([]);
    const item = await notification(order.id);
    expect(item).toMatchObject({ entity: 'NOTIFICATION', eventId, to: order.email, status: 'sent' });
    expect(item?.messageId).toBe(message?.id);
    expect(Date.parse(item?.sentAt)).not.toBeNaN();
    expect(item?.sendingBy).toBeUndefined();
    expect(orderConfirmationEmail.parse(item)).toMatchObject({ orderId: order.id, currency: 'EUR' });
    expect(message).toMatchObject({
      kind: 'simple',
      from: FROM,
      to: [order.email],
      subject: item?.subject,
      tags: { template: 'order-confirmation' },
    });
    expect(message?.text).toContain(order.id);
    expect(message?.html).toContain(order.id);
  });

  it('sends nothing more when the event is delivered again or re-emitted under a new id', async () => {
    const order = await place(paidOrder());
    const eventId = randomUUID();
    expect(await send(order.id, eventId)).toBe('sent');
    const sent = await notification(order.id);
    expect(await send(order.id, eventId)).toBe('duplicate');
    expect(await send(order.id)).toBe('duplicate');
    expect(await mailTo(order.email!)).toHaveLength(1);
    expect(await notification(order.id)).toEqual(sent);
  });

  it('sends one e-mail when the same event arrives ten times at once', async () => {
    const order = await place(paidOrder());
    const eventId = randomUUID();
    const effects = await Promise.all(Array.from({ length: 10 }, () => send(order.id, eventId)));
    expect(effects.filter((e) => e === 'sent')).toHaveLength(1);
    expect(effects.filter((e) => e === 'duplicate' || e === 'in-flight')).toHaveLength(9);
    expect(await mailTo(order.email!)).toHaveLength(1);
    expect((await notification(order.id))?.status).toBe('sent');
  });

  it.each([
    // The sink answers 400 BadRequestException to a sender that is no address.
    ['SES refuses it', () => localMailer('no-address')],
    // Nothing listens on port 9 (discard) on this machine: the connection is refused.
    [
      'SES cannot be reached',
      () =>
        sesMailer({
          from: FROM,
          client: new SESv2Client({ ...sdkConfig('http://127.0.0.1:9'), maxAttempts: 1 }),
        }),
    ],
  ])('leaves the item queued and throws when %s; the redelivery sends it', async (_, failing) => {
    const order = await place(paidOrder());
    const eventId = randomUUID();
    await expect(send(order.id, eventId, failing())).rejects.toBeInstanceOf(MailNotSentError);
    const queued = await notification(order.id);
    expect(queued).toMatchObject({ status: 'queued', eventId });
    expect(queued?.messageId).toBeUndefined();
    // The failed attempt let go of the item, so the retry need not wait for its lease to run out.
    expect(queued?.sendingUntil).toBeUndefined();
    expect(await mailTo(order.email!)).toEqual([]);
    expect(await send(order.id, eventId)).toBe('sent');
    expect(await mailTo(order.email!)).toHaveLength(1);
    expect((await notification(order.id))?.status).toBe('sent');
  });

  it.each([
    ['sends the e-mail of an attempt that died (its lease ran out)', -1_000, 'sent', 1],
    ['sends nothing while another attempt holds the item', LEASE_MS, 'in-flight', 0],
  ] as const)('%s', async (_, leaseLeftMs, effect, messages) => {
    const order = await place(paidOrder());
    const now = new Date();
    const until = new Date(now.getTime() + leaseLeftMs).toISOString();
    const email = renderOrderConfirmation(order, now);
    const key = notificationKeys.email(order.id, 'order-confirmation');
    const item = { ...email, entity: 'NOTIFICATION', eventId: randomUUID() };
    expect(await putQueued(table, key, item, { id: randomUUID(), until })).toBe(true);
    expect(await send(order.id)).toBe(effect);
    expect(await mailTo(order.email!)).toHaveLength(messages);
  });

  it.each([
    ['a missing order', () => paidOrder(), false, 'notification_order_missing'],
    [
      'an order without an e-mail',
      () => ({ ...paidOrder(), email: null }),
      true,
      'notification_email_missing',
    ],
  ])('fails with a typed error for %s and writes nothing', async (_, make, stored, code) => {
    const order = make();
    if (stored) await place(order);
    const attempt = send(order.id);
    await expect(attempt).rejects.toBeInstanceOf(NotificationUndeliverableError);
    await expect(attempt).rejects.toMatchObject({ code, orderId: order.id });
    expect(await notification(order.id)).toBeUndefined();
  });

  it('reports only the failing messages of a batch (partial batch response)', async () => {
    const placed = await place(paidOrder());
    const missing = paidOrder();
    const good = orderPlacedMessage(placed);
    const bad = orderPlacedMessage(missing);
    const broken = { ...orderPlacedMessage(placed), Body: JSON.stringify({ not: 'an event' }) };
    const source = {
      arn: 'arn:aws:sqs:eu-central-1:000000000000:notifications',
      region: 'eu-central-1',
    };
    const response = await handler(toSqsEvent([good, bad, broken, good], source));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [bad.MessageId, broken.MessageId].sort(),
    );
    expect((await notification(placed.id))?.status).toBe('sent');
    expect(await mailTo(placed.email!)).toMatchObject([{ from: FROM }]);
    expect(await notification(missing.id)).toBeUndefined();
  });
});
