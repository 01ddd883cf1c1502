import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { orderPlacedData } from '#contexts/orders/events.ts';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { queueOrderConfirmation } from '../data/queue-order-confirmation.ts';

const table = requireEnv('TABLE_NAME');
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const orderPlacedEvent = busEvent(eventDetail(orderPlacedData));

/**
 * One `OrderPlaced` event: queue the order's confirmation e-mail once per event id. A malformed event,
 * a missing order or one without an e-mail throws, so the message is retried and, after the queue's
 * max receives, parked in the dead-letter queue for a person to look at.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const event = orderPlacedEvent.parse(JSON.parse(record.body));
  const { orderId } = event.detail.data;
  const effect = await queueOrderConfirmation(table, event.detail.id, orderId);
  logger.info(effect === 'queued' ? 'order confirmation queued' : 'duplicate OrderPlaced ignored', {
    eventId: event.detail.id,
    orderId,
  });
};

/** SQS consumer with partial batch responses: only failed messages come back. */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
