import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { projectListing } from '#contexts/catalog/data/listing-projector.ts';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';

const table = requireEnv('TABLE_NAME');
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const productEvent = busEvent(eventDetail(z.looseObject({ productId: z.string().min(1).max(64) })));

/**
 * One product event: rebuild that product's listing entries from its current state. Re-projection is
 * idempotent by construction (it converges on the stored state), so no processed-event marker is needed.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const event = productEvent.parse(JSON.parse(record.body));
  const writes = await projectListing(table, event.detail.data.productId);
  logger.info('listing projected', {
    productId: event.detail.data.productId,
    writes,
    detailType: event['detail-type'],
  });
};

/** SQS consumer with partial batch responses: only failed messages come back. */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
