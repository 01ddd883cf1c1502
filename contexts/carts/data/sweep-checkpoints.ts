import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyOf } from '#platform/data/batch-get.ts';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { cartKeys, Entity } from './keys.ts';

/*
 * How far the abandoned-cart sweep has read each idle bucket: an index sort key (`<time>` when it read
 * everything before that time, `<time>#<cartId>` when it stopped after that entry). The next run reads
 * on from there, so each marker is read once, when it passes the cutoff, and a marker the sweep leaves
 * (cart closed, gone, reported) costs no write: TTL removes it.
 */

/** Where each bucket's last run stopped (undefined for a bucket never swept): one BatchGetItem. */
export const readCheckpoints = async (table: string): Promise<(string | undefined)[]> => {
  const keys = Array.from({ length: cartKeys.buckets }, (_, b) => cartKeys.sweepCheckpoint(b));
  const found = await batchGet(table, keys, true);
  return keys.map((key) => found.get(keyOf(key))?.through as string | undefined);
};

/** Records that a bucket has been read through `through`; never moves a checkpoint back (overlapping runs). */
export const saveCheckpoint = async (table: string, bucket: number, through: string, now: Date) => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: cartKeys.sweepCheckpoint(bucket),
        UpdateExpression: 'SET through = :through, entity = :entity, updatedAt = :now',
        ConditionExpression: 'attribute_not_exists(through) OR through < :through',
        ExpressionAttributeValues: {
          ':through': through,
          ':entity': Entity.sweepCheckpoint,
          ':now': now.toISOString(),
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
