import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { markProcessed } from '#platform/events/processed.ts';

const table = requireEnv('TABLE_NAME');
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const catalogEvent = busEvent(eventDetail(z.unknown()));

/**
 * One message: a catalog event from the bus. A malformed event throws, so it is retried and, after the
 * queue's max receives, parked in the dead-letter queue for a person to look at.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const event = catalogEvent.parse(JSON.parse(record.body));
  const first = await markProcessed(table, 'catalog-events', event.detail.id, {
    detailType: event['detail-type'],
    source: event.source,
  });
  logger.info(first ? 'catalog event recorded' : 'duplicate catalog event ignored', {
    eventId: event.detail.id,
    detailType: event['detail-type'],
  });
};

/** SQS consumer with partial batch responses: only failed messages come back. */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
