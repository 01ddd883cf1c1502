import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULFILLMENT_SOURCE } from '#contexts/fulfillment/events.ts';
import { notificationKeys } from '#contexts/notifications/data/keys.ts';
import { sendOrderNotification } from '#contexts/notifications/data/send-notification.ts';
import { MailNotSentError } from '#contexts/notifications/domain/errors.ts';
import { notificationEvents } from '#contexts/notifications/domain/events.ts';
import type { Mailer } from '#contexts/notifications/domain/mailer.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { ORDERS_SOURCE } from '#contexts/orders/events.ts';
import { PAYMENTS_SOURCE } from '#contexts/payments/events.ts';
import { toSqsEvent } from '#local/sqs/event.ts';
import { transact } from '#platform/data/transact.ts';
import type { useLocalDynamo } from '../../support/cloud.ts';
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

/** One event of a kind: its data, the key of its notification item, and what its mail must show. */
interface Sample {
  readonly data: Record<string, unknown> & { readonly orderId: string };
  readonly key: { readonly pk: string; readonly sk: string };
  readonly shows: readonly string[];
}

/** Each new kind: the event it is sent on, and a new event of it for an order. */
interface Kind {
  readonly kind: string;
  readonly detailType: keyof typeof notificationEvents;
  readonly source: string;
  readonly sample: (order: Order) => Sample;
  /** Sent once per order (a cancellation), not once per fulfillment, refund or return. */
  readonly oncePerOrder?: true;
}

/** A `ShipmentCreated` of a new fulfillment (a carrier with markup, a link with `&`). */
const shipment: Kind = {
  kind: 'shipment',
  detailType: 'ShipmentCreated',
  source: FULFILLMENT_SOURCE,
  sample: ({ id: orderId }) => {
    const fulfillmentId = `ful_${randomUUID().slice(0, 20)}`;
    const trackingNumber = `JD${randomUUID().slice(0, 10)}`;
    return {
      data: {
        fulfillmentId,
        orderId,
        carrier: 'DHL <Express>',
        trackingNumber,
        trackingUrl: `https://track.example/${trackingNumber}?a=1&b=2`,
        shippedAt: new Date().toISOString(),
      },
      key: notificationKeys.email(orderId, 'shipment', fulfillmentId),
      shows: [trackingNumber, 'DHL'],
    };
  },
};

/** A `RefundIssued` of a new refund of 15.05 EUR. */
const refund: Kind = {
  kind: 'refund',
  detailType: 'RefundIssued',
  source: PAYMENTS_SOURCE,
  sample: ({ id: orderId }) => {
    const refundId = `rf_${randomUUID().slice(0, 20)}`;
    return {
      data: {
        refundId,
        orderId,
        amount: 1505,
        currency: 'EUR',
        reason: 'requested_by_customer',
        providerRefundId: `re_${randomUUID().slice(0, 8)}`,
        status: 'succeeded',
      },
      key: notificationKeys.email(orderId, 'refund', refundId),
      shows: ['15.05 EUR'],
    };
  },
};

/** An `OrderCanceled` that refunded 12.34 EUR, for a reason the shopper is not shown. */
const cancellation: Kind = {
  kind: 'cancellation',
  detailType: 'OrderCanceled',
  source: ORDERS_SOURCE,
  oncePerOrder: true,
  sample: (order) => ({
    data: {
      orderId: order.id,
      customerId: order.customerId,
      by: 'admin',
      reason: 'Internal: <fraud check>',
      refunded: 1234,
      currency: 'EUR',
      canceledAt: new Date().toISOString(),
    },
    key: notificationKeys.email(order.id, 'cancellation'),
    shows: ['canceled', '12.34 EUR'],
  }),
};

/** A `ReturnReceived` of one unit of the order's first line, refunding 10.00 EUR. */
const returnReceived: Kind = {
  kind: 'return-received',
  detailType: 'ReturnReceived',
  source: FULFILLMENT_SOURCE,
  sample: (order) => {
    const returnId = `ret_${randomUUID().slice(0, 20)}`;
    return {
      data: {
        returnId,
        orderId: order.id,
        lines: [{ lineId: order.lines[0]!.id, quantity: 1, condition: 'restock', locationId: 'wh' }],
        refundAmount: 1000,
      },
      key: notificationKeys.email(order.id, 'return-received', returnId),
      shows: ['Mug – Size a', '10.00 EUR'],
    };
  },
};

const cases = [shipment, refund, cancellation, returnReceived].map((k) => [k.kind, k] as const);

/** An event of `k` as SQS carries it from its rule. */
const sqsMessage = (k: Kind, data: Record<string, unknown>, eventId = randomUUID()) =>
  busMessage(k.source, k.detailType, data, eventId);

describe('shipment, refund, cancellation and return-received e-mails', () => {
  let table: string;
  let client: ReturnType<typeof useLocalDynamo>;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  let mailer: Mailer;

  beforeAll(async () => {
    ({ client, table, handler } = await notificationsConsumerOnTestTable());
    mailer = localMailer();
  });

  /** A stored paid order with an address of its own, so the shared sink's messages to it are its own. */
  const placed = async (): Promise<Order> => {
    const order = { ...sampleOrder({ status: 'paid' }), email: `${randomUUID()}@example.com` };
    expect(await transact(orderCreateItems(table, order))).toEqual({ ok: true });
    return order;
  };
  const item = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
  const send = (k: Kind, data: Record<string, unknown>, eventId = randomUUID(), using = mailer) =>
    sendOrderNotification(
      table,
      using,
      eventId,
      data.orderId as string,
      notificationEvents[k.detailType](data).render,
      { leaseMs: LEASE_MS },
    );

  it.each(cases)('sends the %s e-mail to the order’s address and records it sent', async (_, k) => {
    const order = await placed();
    const { data, key, shows } = k.sample(order);
    const eventId = randomUUID();
    expect(await send(k, data, eventId)).toBe('sent');
    const [message, ...others] = await mailTo(order.email!);
    expect(others).toEqual([]);
    const stored = await item(key);
    expect(stored).toMatchObject({ entity: 'NOTIFICATION', eventId, template: k.kind, status: 'sent' });
    expect(stored?.messageId).toBe(message?.id);
    expect(message).toMatchObject({ from: FROM, to: [order.email], tags: { template: k.kind } });
    for (const text of shows) {
      expect(message?.text).toContain(text);
      expect(message?.html).toContain(text);
    }
    expect(message?.html).not.toContain('<Express>');
    // What the back office wrote about a cancellation stays with the back office.
    expect(message?.text).not.toContain('fraud');
  });

  it.each(cases)(
    'sends one %s e-mail per event: a redelivery sends nothing more, another one does',
    async (_, k) => {
      const order = await placed();
      const { data, key } = k.sample(order);
      const eventId = randomUUID();
      expect(await send(k, data, eventId)).toBe('sent');
      const sent = await item(key);
      expect(await send(k, data, eventId)).toBe('duplicate');
      expect(await send(k, data)).toBe('duplicate');
      expect(await mailTo(order.email!)).toHaveLength(1);
      expect(await item(key)).toEqual(sent);
      // Another fulfillment, refund or return of the same order is another e-mail; a cancellation is one.
      expect(await send(k, k.sample(order).data)).toBe(k.oncePerOrder ? 'duplicate' : 'sent');
      expect(await mailTo(order.email!)).toHaveLength(k.oncePerOrder ? 1 : 2);
    },
  );

  it.each(cases)(
    'leaves the %s e-mail queued and throws when SES refuses it; the redelivery sends it',
    async (_, k) => {
      const order = await placed();
      const { data, key } = k.sample(order);
      const eventId = randomUUID();
      const refusing = localMailer('no-address');
      await expect(send(k, data, eventId, refusing)).rejects.toBeInstanceOf(MailNotSentError);
      const queued = await item(key);
      expect(queued).toMatchObject({ status: 'queued', eventId });
      expect(queued?.messageId).toBeUndefined();
      expect(queued?.sendingUntil).toBeUndefined();
      expect(await mailTo(order.email!)).toEqual([]);
      expect(await send(k, data, eventId)).toBe('sent');
      expect(await mailTo(order.email!)).toHaveLength(1);
    },
  );

  it('sends each kind from the consumer and reports only the failing messages', async () => {
    const order = await placed();
    const messages = [
      sqsMessage(shipment, shipment.sample(order).data),
      sqsMessage(refund, refund.sample(order).data),
      // A refund of an order that does not exist, and one that is no refund.
      sqsMessage(refund, refund.sample({ ...order, id: randomUUID() }).data),
      sqsMessage(refund, { orderId: order.id, not: 'a refund' }),
      sqsMessage(cancellation, cancellation.sample(order).data),
      sqsMessage(returnReceived, returnReceived.sample(order).data),
    ];
    const source = { arn: 'arn:aws:sqs:eu-central-1:000000000000:notifications', region: 'eu-central-1' };
    const response = await handler(toSqsEvent(messages, source));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [messages[2]!.MessageId, messages[3]!.MessageId].sort(),
    );
    const mail = await mailTo(order.email!);
    expect(mail.map((m) => m.tags.template).sort()).toEqual([
      'cancellation',
      'refund',
      'return-received',
      'shipment',
    ]);
  });
});
