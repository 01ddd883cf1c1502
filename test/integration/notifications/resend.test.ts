import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type NotificationAdminDeps,
  orderNotifications,
  resendNotification,
} from '#contexts/notifications/data/resend.ts';
import { sendOrderNotification } from '#contexts/notifications/data/send-notification.ts';
import { MailNotSentError } from '#contexts/notifications/domain/errors.ts';
import { notificationEvents } from '#contexts/notifications/domain/events.ts';
import { renderOrderConfirmation } from '#contexts/notifications/domain/order-confirmation.ts';
import { orderCreateItems } from '#contexts/orders/data/items.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { transact } from '#platform/data/transact.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { localMailer, mailTo } from '../../support/mail.ts';
import { sampleOrder } from '../../support/orders.ts';

const LEASE_MS = 15_000;

describe('notification resends and list (admin)', () => {
  let deps: NotificationAdminDeps;

  beforeAll(async () => {
    useLocalDynamo();
    const table = await createTestTable();
    deps = { table, orders: new OrderRepository(table), mailer: localMailer(), leaseMs: LEASE_MS };
  });

  /** A stored paid order with an address of its own and its confirmation sent. */
  const confirmed = async (): Promise<Order> => {
    const order = { ...sampleOrder({ status: 'paid' }), email: `${randomUUID()}@example.com` };
    expect(await transact(orderCreateItems(deps.table, order))).toEqual({ ok: true });
    const options = { leaseMs: LEASE_MS };
    expect(
      await sendOrderNotification(
        deps.table,
        deps.mailer,
        randomUUID(),
        order.id,
        renderOrderConfirmation,
        options,
      ),
    ).toBe('sent');
    return order;
  };

  it('sends one more e-mail per key: the same key answers the same resend and sends nothing', async () => {
    const order = await confirmed();
    const key = randomUUID();
    const first = await resendNotification(deps, order.id, 'order-confirmation', key);
    expect(first.replayed).toBe(false);
    expect(first.resend).toMatchObject({ notificationId: 'order-confirmation', to: order.email });
    const mail = await mailTo(order.email!);
    expect(mail).toHaveLength(2);
    expect(mail.map((m) => m.id)).toContain(first.resend.messageId);
    expect(mail[0]?.text).toBe(mail[1]?.text);

    expect(await resendNotification(deps, order.id, 'order-confirmation', key)).toEqual({
      resend: first.resend,
      replayed: true,
    });
    expect(await mailTo(order.email!)).toHaveLength(2);

    const second = await resendNotification(deps, order.id, 'order-confirmation', randomUUID());
    expect(second.resend.messageId).not.toBe(first.resend.messageId);
    expect(await mailTo(order.email!)).toHaveLength(3);
    const { items } = await orderNotifications(deps, order.id);
    expect(items).toEqual([
      expect.objectContaining({
        notificationId: 'order-confirmation',
        template: 'order-confirmation',
        status: 'sent',
        resendCount: 2,
        lastResendMessageId: second.resend.messageId,
        lastResentAt: second.resend.sentAt,
      }),
    ]);
  });

  it('resends a shipment e-mail by its id and lists it beside the confirmation', async () => {
    const order = await confirmed();
    const shipment = {
      fulfillmentId: `ful_${randomUUID().slice(0, 12)}`,
      orderId: order.id,
      carrier: 'UPS',
      trackingNumber: '1Z999',
      trackingUrl: null,
      shippedAt: new Date().toISOString(),
    };
    const { render } = notificationEvents.ShipmentCreated(shipment);
    await sendOrderNotification(deps.table, deps.mailer, randomUUID(), order.id, render, {
      leaseMs: LEASE_MS,
    });
    const id = `shipment-${shipment.fulfillmentId}`;
    const { items } = await orderNotifications(deps, order.id);
    expect(items.map((n) => n.notificationId).sort()).toEqual(['order-confirmation', id]);
    const { resend } = await resendNotification(deps, order.id, id, randomUUID());
    expect(resend).toMatchObject({ notificationId: id, template: 'shipment' });
    const shipments = (await mailTo(order.email!)).filter((m) => m.tags.template === 'shipment');
    expect(shipments).toHaveLength(2);
    expect(shipments[0]?.text).toContain('1Z999');
  });

  it('leaves a refused resend queued and uncounted; the same key sends it later', async () => {
    const order = await confirmed();
    const key = randomUUID();
    const refusing = { ...deps, mailer: localMailer('no-address') };
    await expect(resendNotification(refusing, order.id, 'order-confirmation', key)).rejects.toBeInstanceOf(
      MailNotSentError,
    );
    expect(await mailTo(order.email!)).toHaveLength(1);
    expect((await orderNotifications(deps, order.id)).items[0]?.resendCount).toBe(0);
    const later = await resendNotification(deps, order.id, 'order-confirmation', key);
    expect(later.replayed).toBe(false);
    expect(await mailTo(order.email!)).toHaveLength(2);
    expect((await orderNotifications(deps, order.id)).items[0]?.resendCount).toBe(1);
  });

  it.each([
    ['a notification the order does not have', 'refund-rf_missing'],
    ['an id no template writes', 'invoice'],
    ['a template without its fulfillment', 'shipment-'],
  ])('answers notification_not_found for %s', async (_, id) => {
    const order = await confirmed();
    await expect(resendNotification(deps, order.id, id, randomUUID())).rejects.toMatchObject({
      statusCode: 404,
      code: 'notification_not_found',
    });
    expect(await mailTo(order.email!)).toHaveLength(1);
  });

  it('answers order_not_found when listing the notifications of a missing order', async () => {
    await expect(orderNotifications(deps, randomUUID())).rejects.toMatchObject({ code: 'order_not_found' });
  });
});
