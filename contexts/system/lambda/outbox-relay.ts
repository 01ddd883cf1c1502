import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import type { OutboxRecord } from '#platform/events/outbox.ts';

const busName = requireEnv('EVENT_BUS_NAME');
const bus = new EventBridgeClient({});
const PUT_EVENTS_MAX_ENTRIES = 10;

/**
 * Pipe target: the Pipe has already filtered the stream to inserted outbox records. Puts them on the
 * bus in batches of 10. Any failed entry fails the invocation, so the Pipe retries the batch;
 * consumers deduplicate by event id, which makes a redelivered event harmless.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> => {
  const events = records.map(
    (r) => unmarshall(r.dynamodb?.NewImage as Record<string, AttributeValue>) as unknown as OutboxRecord,
  );
  for (let i = 0; i < events.length; i += PUT_EVENTS_MAX_ENTRIES) {
    const chunk = events.slice(i, i + PUT_EVENTS_MAX_ENTRIES);
    const result = await bus.send(
      new PutEventsCommand({
        Entries: chunk.map((e) => ({
          EventBusName: busName,
          Source: e.source,
          DetailType: e.detailType,
          Detail: JSON.stringify(e.detail),
          Time: new Date(e.detail.occurredAt),
        })),
      }),
    );
    if (result.FailedEntryCount) {
      const failed = result.Entries?.filter((entry) => entry.ErrorCode).map((entry) => entry.ErrorCode);
      throw new Error(`PutEvents failed for ${result.FailedEntryCount} entries: ${failed?.join(', ')}`);
    }
  }
};
