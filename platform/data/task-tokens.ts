import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { PlatformEntity } from './keys.ts';

/** A token is useless once its state has timed out; kept a day for support staff, then TTL. */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * Stores the task token of a `.waitForTaskToken` state under `key` (from `taskTokenKeys`), so whoever
 * holds the decision (a webhook, an admin) can resume the execution. 1 PutItem; a retry overwrites.
 */
export const storeTaskToken = async (
  table: string,
  key: { pk: string; sk: string },
  taskToken: string,
  subject: string,
  now = new Date(),
): Promise<void> => {
  await documentClient().send(
    new PutCommand({
      TableName: table,
      Item: {
        ...key,
        entity: PlatformEntity.taskToken,
        taskToken,
        subject,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
      },
    }),
  );
};
