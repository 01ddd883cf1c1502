import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { expect } from 'vitest';
import { sesMailer } from '#contexts/notifications/data/ses-mailer.ts';
import type { Mailer } from '#contexts/notifications/domain/mailer.ts';
import { buildEvent } from '#local/eventbridge/event.ts';
import type { SentMessage } from '#local/ses/index.ts';
import { cloud, createTestTable, sdkConfig, useLocalDynamo } from './cloud.ts';

/** The sender of the mailers the integration tests send with. */
export const TEST_MAIL_FROM = 'orders@shop.example';

/** What the local cloud's mail sink holds for `to`, newest first (it is shared by the run: filter, never clear). */
export const mailTo = async (to: string): Promise<SentMessage[]> => {
  const res = await fetch(`${cloud().endpoints.ses}/_local/messages?to=${encodeURIComponent(to)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: SentMessage[] }).messages;
};

/** A mailer on the local mail sink sending as `from` (an address that is no address makes SES refuse). */
export const localMailer = (from = TEST_MAIL_FROM): Mailer =>
  sesMailer({ from, client: new SESv2Client(sdkConfig(cloud().endpoints.ses)) });

/**
 * A fresh table on DynamoDB Local and the notifications consumer's handler over it, sending to the local
 * mail sink as `TEST_MAIL_FROM` (its environment is set before the handler module loads).
 */
export const notificationsConsumerOnTestTable = async () => {
  const client = useLocalDynamo();
  const table = await createTestTable();
  process.env.TABLE_NAME = table;
  process.env.MAIL_FROM = TEST_MAIL_FROM;
  process.env.AWS_ENDPOINT_URL_SESV2 = cloud().endpoints.ses;
  const { handler } = await import('#contexts/notifications/lambda/consumer.ts');
  return { client, table, handler: handler as (event: SQSEvent) => Promise<SQSBatchResponse> };
};

/** An event as SQS carries it from its rule: the bus envelope around the detail `{ id, …, data }`. */
export const busMessage = (source: string, detailType: string, data: unknown, eventId = randomUUID()) => ({
  MessageId: randomUUID(),
  ReceiptHandle: randomUUID(),
  Body: JSON.stringify(
    buildEvent({
      id: randomUUID(),
      source,
      detailType,
      time: new Date(),
      account: '000000000000',
      region: 'eu-central-1',
      resources: [],
      detail: { id: eventId, occurredAt: new Date().toISOString(), schemaVersion: 1, data },
    }),
  ),
});
