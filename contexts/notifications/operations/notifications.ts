import { z } from 'zod';
import { orderPath } from '#contexts/orders/domain/queries.ts';
import { idempotencyKey, replayedHeader, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { orderNotifications, resendNotification } from '../data/resend.ts';
import { notificationList, notificationPath, resendSchema } from '../domain/views.ts';
import { notificationAdminOperation } from '../wiring.ts';

/** Notifications hold a person's address: never cached. */
const noStore = { 'cache-control': 'no-store' } as const;

const headers = z.object({
  'idempotency-key': idempotencyKey.meta({
    description: 'Required. Names this resend: a retry with the same key answers the same resend, no mail',
  }),
});

/** GET /admin/orders/{orderId}/notifications: what was sent about an order, to whom, and when. */
export const listOrderNotifications = notificationAdminOperation({
  route: 'GET /admin/orders/{orderId}/notifications',
  access: 'admin',
  operationId: 'listOrderNotifications',
  summary: 'What was sent about an order',
  description:
    'Every e-mail of the order (the confirmation, one per shipment, one per refund): its `notificationId`, ' +
    'template, recipient, subject, `status` (`queued` until SES accepted it, then `sent`), `sentAt` and SES’s ' +
    '`messageId`, and how often the back office resent it. See docs/notifications.md.',
  tags: ['notifications', 'orders', 'admin'],
  request: { path: orderPath },
  responses: { 200: { description: 'The order’s notifications', schema: notificationList } },
  problems: { 404: ['order_not_found'] },
  handle: async ({ path }, services) => json(200, await orderNotifications(services, path.orderId), noStore),
});

/** POST /admin/orders/{orderId}/notifications/{notificationId}/resend: sends an e-mail once more. */
export const resendOrderNotification = notificationAdminOperation({
  route: 'POST /admin/orders/{orderId}/notifications/{notificationId}/resend',
  access: 'admin',
  operationId: 'resendOrderNotification',
  summary: 'Send one of an order’s e-mails again',
  description:
    'Sends the notification `notificationId` (`order-confirmation`, `shipment-<fulfillmentId>`, ' +
    '`refund-<refundId>`) once more, as it was first rendered, to the same address. The `Idempotency-Key` ' +
    'names the resend: the same key answers the same resend (`Idempotent-Replayed: true`) and sends no ' +
    'mail; a new key sends one more. Each resend is counted on the notification (`resendCount`, ' +
    '`lastResendMessageId`, `lastResentAt`). SES refusing: 502, and the same request later sends it. ' +
    'See docs/notifications.md#resend.',
  tags: ['notifications', 'orders', 'admin'],
  request: { path: notificationPath, headers },
  responses: { 201: { description: 'The resend, as SES accepted it', schema: resendSchema } },
  problems: {
    400: ['idempotency_key_required'],
    404: ['notification_not_found'],
    409: ['resend_in_progress'],
    502: ['mail_not_sent'],
  },
  handle: async ({ path, event }, services) => {
    const key = requiredIdempotencyKey(event);
    const { resend, replayed } = await resendNotification(services, path.orderId, path.notificationId, key);
    return json(201, resend, {
      location: `/admin/orders/${path.orderId}/notifications`,
      ...noStore,
      ...replayedHeader(replayed),
    });
  },
});

/** The operations of the `notificationsAdmin` function: the back office's view and resends. */
export const notificationAdminOperations = [listOrderNotifications, resendOrderNotification];
