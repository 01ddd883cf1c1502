import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { channelItem } from '#contexts/channels/data/items.ts';
import { implicitDefaultChannel } from '#contexts/channels/domain/default-channel.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';

/**
 * Writes the default channel where it is missing (an admin's rename survives a reseed). The code
 * answers it even when absent; seeding it makes it an ordinary item the back office lists and renames.
 * Returns 1 when written, 0 when it was there.
 */
export const writeDefaultChannel = async (
  client: DynamoDBDocumentClient,
  table: string,
  now = new Date(),
): Promise<number> => {
  try {
    await client.send(
      new PutCommand({
        TableName: table,
        Item: channelItem(implicitDefaultChannel(now.toISOString())),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 1;
  } catch (error) {
    if (isConditionFailure(error)) return 0;
    throw error;
  }
};
