import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { transact } from '#platform/data/transact.ts';
import { processedEventPut } from '#platform/events/processed.ts';
import { OrderConfirmationUndeliverableError } from '../domain/errors.ts';
import { ORDER_CONFIRMATION_TEMPLATE, renderOrderConfirmation } from '../domain/order-confirmation.ts';
import { Entity, notificationKeys } from './keys.ts';

/** The consumer name under which `OrderPlaced` event ids are remembered (processed-event records). */
export const ORDER_CONFIRMATION_CONSUMER = 'order-confirmation';

/** What handling one `OrderPlaced` did: queued the e-mail, or found it already handled. */
export type ConfirmationEffect = 'queued' | 'duplicate';

/**
 * Queues the confirmation e-mail of order `orderId` for `OrderPlaced` event `eventId`: 1 GetItem (the
 * order), then 1 TransactWriteItems of the processed-event marker and the notification item, both
 * conditional on being new. A redelivered event fails the marker's condition; an order confirmed under
 * another event id (the event re-emitted) fails the notification's: either way no second e-mail.
 * A missing order or one without an e-mail throws `OrderConfirmationUndeliverableError`.
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
  const written = await transact([
    { Put: processedEventPut(table, ORDER_CONFIRMATION_CONSUMER, eventId, { orderId }) },
    {
      Put: {
        TableName: table,
        Item: {
          ...notificationKeys.email(orderId, ORDER_CONFIRMATION_TEMPLATE),
          entity: Entity.notification,
          eventId,
          ...email,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  if (written.ok) return 'queued';
  // Only a failed "is new" condition means "already done"; a conflict or throttle retries the message.
  if (!written.conflict && written.conditionFailed.some(Boolean)) return 'duplicate';
  throw new Error(`Queueing the confirmation of order ${orderId} met a concurrent write; retry`);
};
