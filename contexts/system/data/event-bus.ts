import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { OutboxRecord } from '#platform/events/outbox.ts';

// PutEvents takes at most 10 entries per request.
const PUT_EVENTS_MAX_ENTRIES = 10;

let client: EventBridgeClient | undefined;
// The endpoint comes from the SDK's configuration (`AWS_ENDPOINT_URL_EVENTBRIDGE` locally).
const bus = () => {
  client ??= new EventBridgeClient({});
  return client;
};

/** The outbox record a stream record inserted (the Pipe passes only inserted outbox items). */
export const outboxRecordOf = (record: DynamoDBRecord): OutboxRecord =>
  unmarshall(record.dynamodb?.NewImage as Record<string, AttributeValue>) as unknown as OutboxRecord;

/**
 * Puts outbox records on the bus, 10 per PutEvents request, each at the time its event occurred. Any
 * failed entry throws, so the caller's whole batch is retried; consumers deduplicate by event id.
 */
export const putOnBus = async (busName: string, events: readonly OutboxRecord[]): Promise<void> => {
  for (let i = 0; i < events.length; i += PUT_EVENTS_MAX_ENTRIES) {
    const chunk = events.slice(i, i + PUT_EVENTS_MAX_ENTRIES);
    const result = await bus().send(
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
