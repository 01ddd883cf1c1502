import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { orderPlacedData } from '#contexts/orders/events.ts';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { notificationsContext } from '../context.ts';
import { sendOrderConfirmation } from '../data/send-order-confirmation.ts';
import { sesMailer } from '../data/ses-mailer.ts';

const table = requireEnv('TABLE_NAME');
const mailer = sesMailer({
  from: requireEnv('MAIL_FROM'),
  ...(process.env.MAIL_CONFIGURATION_SET ? { configurationSet: process.env.MAIL_CONFIGURATION_SET } : {}),
});
// An attempt holds the notification for as long as this function may run (see SendOptions.leaseMs).
const leaseMs = notificationsContext.functions.orderConfirmationConsumer.timeoutSeconds * 1000;
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const orderPlacedEvent = busEvent(eventDetail(orderPlacedData));

/**
 * One `OrderPlaced` event: send the order's confirmation e-mail once per order. A malformed event, a
 * missing order, one without an e-mail or a send SES refused throws, so the message is retried and,
 * after the queue's max receives, parked in the dead-letter queue for a person to look at.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const event = orderPlacedEvent.parse(JSON.parse(record.body));
  const { orderId } = event.detail.data;
  const effect = await sendOrderConfirmation(table, mailer, event.detail.id, orderId, { leaseMs });
  const log = effect === 'sent-again' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log(`order confirmation: ${effect}`, { eventId: event.detail.id, orderId });
};

/** SQS consumer with partial batch responses: only failed messages come back. */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
