import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { PlatformEntity } from '#platform/data/keys.ts';
import { CARRIED_EVENTS, type OutboxRecord, outboxRecordsOf } from '#platform/events/outbox.ts';

/**
 * The events of each outbox item in `table`, item by item: one event, or a transaction's batch; and those
 * an inserted item carries for its transaction (`CARRIED_EVENTS`), as long as it was not rewritten since.
 */
export const outboxItemEvents = async (table: string): Promise<OutboxRecord[][]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'entity = :e OR attribute_exists(#carried)',
        ExpressionAttributeNames: { '#carried': CARRIED_EVENTS },
        ExpressionAttributeValues: { ':e': PlatformEntity.outbox },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map(outboxRecordsOf);
};

/** Every event in the outbox of `table`, those of a batch each on its own: what the relay puts on the bus. */
export const outboxEvents = async (table: string): Promise<OutboxRecord[]> =>
  (await outboxItemEvents(table)).flat();
