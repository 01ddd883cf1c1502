import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../data/client.ts';
import { isConditionFailure } from '../data/conditions.ts';
import { PlatformEntity, processedEventKeys } from '../data/keys.ts';

/** How long a consumer remembers an event id; longer than any redelivery window of the bus or queues. */
const REMEMBER_SECONDS = 7 * 24 * 60 * 60;

/**
 * The conditional Put that records `consumer` handling `eventId`: it fails on a second attempt. On its
 * own (`markProcessed`) or as one item of the transaction that performs the consumer's effect.
 */
export const processedEventPut = (
  table: string,
  consumer: string,
  eventId: string,
  fields: Record<string, unknown> = {},
) => {
  const now = Date.now();
  return {
    TableName: table,
    Item: {
      ...processedEventKeys(consumer, eventId),
      entity: PlatformEntity.processedEvent,
      consumer,
      eventId,
      processedAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + REMEMBER_SECONDS,
      ...fields,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
};

/**
 * Records that `consumer` handled event `eventId`, exactly once. Resolves true the first time and
 * false for a duplicate delivery, so a consumer's effect happens once per event id.
 */
export const markProcessed = async (
  table: string,
  consumer: string,
  eventId: string,
  fields: Record<string, unknown> = {},
): Promise<boolean> => {
  try {
    await documentClient().send(new PutCommand(processedEventPut(table, consumer, eventId, fields)));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
