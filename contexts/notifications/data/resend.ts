import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { orderNotFound } from '#contexts/orders/data/repository.ts';
import { NotificationNotFoundError, ResendInProgressError } from '../domain/errors.ts';
import type { Mailer } from '../domain/mailer.ts';
import { notificationIdOf, parseNotificationId } from '../domain/notification.ts';
import {
  type NotificationList,
  type Resend,
  resendContent,
  resendSchema,
  summaryOf,
} from '../domain/views.ts';
import { Entity, notificationKeys } from './keys.ts';
import { listNotifications, readItem, readNotification } from './notification-store.ts';
import { sendOnce } from './send-notification.ts';

/** What the back office's notification operations need. */
export interface NotificationAdminDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly mailer: Mailer;
  /** How long a resend holds its record while sending: the admin function's timeout. */
  readonly leaseMs: number;
}

/** An order's notifications: 1 GetItem of the order ∥ 1 Query of its notifications; 404 without the order. */
export const orderNotifications = async (
  deps: Pick<NotificationAdminDeps, 'table' | 'orders'>,
  orderId: string,
): Promise<NotificationList> => {
  const [order, emails] = await Promise.all([
    deps.orders.get(orderId),
    listNotifications(deps.table, orderId),
  ]);
  if (!order) throw orderNotFound(orderId);
  return { orderId, items: emails.map(summaryOf) };
};

/**
 * Sends notification `notificationId` of order `orderId` once more for the resend named by
 * `idempotencyKey`, with the send machinery of the first send (`sendOnce`) on a record of its own
 * (`RESEND#<notificationId>#<key>`): the same key answers the recorded resend and sends nothing; a new key
 * sends one more e-mail. The transaction that records the resend `sent` also counts it on the
 * notification (`resendCount`, `lastResendMessageId`, `lastResentAt`), so each key counts once. 1 GetItem,
 * then 1 Put + send + 1 transaction (a new key) or 1 Update (a known one), then 1 GetItem.
 * An unknown notification is 404; the same key being sent right now is 409; a refused send is 502 and
 * leaves the resend `queued`, so the same request later sends it.
 */
export const resendNotification = async (
  deps: NotificationAdminDeps,
  orderId: string,
  notificationId: string,
  idempotencyKey: string,
  now = new Date(),
): Promise<{ readonly resend: Resend; readonly replayed: boolean }> => {
  const ref = parseNotificationId(orderId, notificationId);
  const email = ref && (await readNotification(deps.table, ref));
  if (!ref || !email) throw new NotificationNotFoundError(orderId, notificationId);
  const id = notificationIdOf(ref);
  const key = notificationKeys.resend(orderId, id, idempotencyKey);
  const notificationKey = notificationKeys.email(ref.orderId, ref.template, ref.subjectId);
  const effect = await sendOnce(
    deps.table,
    deps.mailer,
    {
      key,
      item: { ...resendContent(email, now), entity: Entity.resend, notificationId: id, idempotencyKey },
      alsoOnSent: (messageId, sentAt) => ({
        Update: {
          TableName: deps.table,
          Key: notificationKey,
          UpdateExpression: 'ADD resendCount :one SET lastResendMessageId = :id, lastResentAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':id': messageId, ':at': sentAt.toISOString() },
        },
      }),
    },
    { leaseMs: deps.leaseMs, now },
  );
  if (effect === 'in-flight') throw new ResendInProgressError(id);
  const recorded = await readItem(deps.table, key);
  return {
    resend: resendSchema.parse({ ...recorded, notificationId: id }),
    replayed: effect === 'duplicate',
  };
};
