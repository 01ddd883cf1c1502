import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { OrderConfirmationUndeliverableError } from '../domain/errors.ts';
import { ORDER_CONFIRMATION_TEMPLATE, renderOrderConfirmation } from '../domain/order-confirmation.ts';
import { Entity, notificationKeys } from './keys.ts';

/** What handling one `OrderPlaced` did: queued the e-mail, or found it already handled. */
export type ConfirmationEffect = 'queued' | 'duplicate';

/**
 * Queues the confirmation e-mail of order `orderId` for `OrderPlaced` event `eventId`: 1 GetItem (the
 * order), then 1 PutItem of the notification item, conditional on being new. The item's key is the order
 * and the template, so it is its own processed-event record: a redelivered event, or the order's event
 * re-emitted under another id, fails the condition and writes nothing (1 WCU per order, not a
 * transaction with a separate marker). A missing order or one without an e-mail throws
 * `OrderConfirmationUndeliverableError`.
 */
export const queueOrderConfirmation = async (
  table: string,
  eventId: string,
  orderId: string,
  now = new Date(),
): Promise<ConfirmationEffect> => {
  const order = await new OrderRepository(table).get(orderId);
  if (!order) throw new OrderConfirmationUndeliverableError(orderId, 'confirmation_order_missing');
  const email = renderOrderConfirmation(order, now);
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: {
          ...notificationKeys.email(orderId, ORDER_CONFIRMATION_TEMPLATE),
          entity: Entity.notification,
          eventId,
          ...email,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'queued';
  } catch (error) {
    // Only the failed "is new" condition means "already done"; a throttle or outage retries the message.
    if (isConditionFailure(error)) return 'duplicate';
    throw error;
  }
};
