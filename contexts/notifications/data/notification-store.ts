import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { type NotificationEmail, notificationEmail } from '../domain/emails.ts';
import type { NotificationRef } from '../domain/notification.ts';
import { EMAIL_PREFIX, notificationKeys } from './keys.ts';
import type { ItemKey } from './notification-items.ts';

/** The item at `key` (1 consistent GetItem), or undefined. */
export const readItem = async (table: string, key: ItemKey) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

/** One notification of an order (1 consistent GetItem), or undefined when there is none. */
export const readNotification = async (
  table: string,
  ref: NotificationRef,
): Promise<NotificationEmail | undefined> => {
  const item = await readItem(table, notificationKeys.email(ref.orderId, ref.template, ref.subjectId));
  return item ? notificationEmail.parse(item) : undefined;
};

/**
 * Every notification of an order, not their resends (1 consistent Query of its partition, `EMAIL#…`):
 * an order has one per template, fulfillment and refund, far below a page.
 */
export const listNotifications = async (table: string, orderId: string): Promise<NotificationEmail[]> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :email)',
      ExpressionAttributeValues: { ':pk': notificationKeys.order(orderId).pk, ':email': EMAIL_PREFIX },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => notificationEmail.parse(item));
};
