import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { requireEnv } from '#platform/config/env.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { notificationsContext } from '../context.ts';
import { sendOrderNotification } from '../data/send-notification.ts';
import { sesMailerFromEnv } from '../data/ses-mailer.ts';
import { notificationEvents } from '../domain/events.ts';

const table = requireEnv('TABLE_NAME');
const mailer = sesMailerFromEnv();
// An attempt holds the notification for as long as this function may run (see SendOptions.leaseMs).
const leaseMs = notificationsContext.functions.notificationsConsumer.timeoutSeconds * 1000;
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const anyEvent = busEvent(eventDetail(z.unknown()));

/**
 * One event from the `notifications` queue: send the e-mail its detail-type calls for, once. A malformed
 * or unexpected event, a missing order, one without an e-mail or a send SES refused throws, so the
 * message is retried and, after the queue's max receives, parked in the dead-letter queue.
 */
const handleRecord = async (record: SQSRecord): Promise<void> => {
  const event = anyEvent.parse(JSON.parse(record.body));
  const detailType = event['detail-type'];
  const kind = notificationEvents[detailType as keyof typeof notificationEvents];
  if (!kind) throw new Error(`No notification is sent for ${detailType}`);
  const { orderId, render } = kind(event.detail.data);
  const eventId = event.detail.id;
  const effect = await sendOrderNotification(table, mailer, eventId, orderId, render, { leaseMs });
  const log = effect === 'sent-again' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log(`${detailType} notification: ${effect}`, { eventId, orderId });
};

/** SQS consumer with partial batch responses: only failed messages come back. */
export const handler = async (event: SQSEvent) =>
  processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
