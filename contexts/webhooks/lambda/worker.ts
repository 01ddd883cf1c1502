import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { deliverJob } from '../data/deliver.ts';
import { deliveryJob } from '../data/delivery-queue.ts';
import { activeSubscriptions, dispatchEvent } from '../data/dispatch.ts';
import { webhookServices, webhookSettings } from '../wiring.ts';

const services = webhookServices(
  requireEnv('TABLE_NAME'),
  '',
  requireEnv('QUEUE_URL_WEBHOOKS'),
  webhookSettings(process.env),
);
const subscribed = activeSubscriptions(services);
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const anyEvent = busEvent(eventDetail(z.unknown()));

/**
 * One message of the `webhooks` queue: a domain event from the bus (record and queue its deliveries),
 * or a delivery job (make one attempt). A receiver's failure is recorded, not thrown;
 * only our own faults (the table, the queue) throw, so only that message comes back.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const body: unknown = JSON.parse(record.body);
  const job = deliveryJob.safeParse(body);
  if (job.success) {
    const outcome = await deliverJob(services, job.data);
    logger.info('webhook attempt', { ...job.data, outcome });
    return;
  }
  const event = anyEvent.parse(body);
  const matched = await dispatchEvent(services, await subscribed(), {
    detailType: event['detail-type'],
    id: event.detail.id,
    occurredAt: event.detail.occurredAt,
    data: event.detail.data,
  });
  if (matched > 0) logger.info('webhook deliveries', { eventId: event.detail.id, matched });
};

/**
 * The `webhooksWorker` function: consumer of the `webhooks` queue, with partial batch responses. The
 * attempts of a batch run side by side, so one slow receiver costs the others nothing but its seat.
 */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
