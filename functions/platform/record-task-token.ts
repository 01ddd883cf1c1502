import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { requireEnv } from '#shared/config.ts';
import { documentClient } from '#shared/data/client.ts';
import { Entity, taskTokenKeys } from '#shared/data/keys.ts';

const table = requireEnv('TABLE_NAME');
const payload = z.object({
  taskToken: z.string().min(1).max(2048),
  executionName: z.string().min(1).max(80),
  subject: z.string().max(200),
});
/** A token is useless once its state has timed out; keep it a day for support staff, then TTL. */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * Task of a `.waitForTaskToken` state: stores the token under the execution name, so whoever holds the
 * decision (a webhook, an admin) can resume the execution with SendTaskSuccess or SendTaskFailure.
 */
export const handler = async (event: unknown): Promise<{ stored: true }> => {
  const input = payload.parse(event);
  await documentClient().send(
    new PutCommand({
      TableName: table,
      Item: {
        ...taskTokenKeys(input.executionName),
        entity: Entity.taskToken,
        taskToken: input.taskToken,
        subject: input.subject,
        createdAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + KEEP_SECONDS,
      },
    }),
  );
  return { stored: true };
};
