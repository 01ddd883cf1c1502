import { z } from 'zod';
import { requireEnv } from '#platform/config/env.ts';
import { taskTokenKeys } from '#platform/data/keys.ts';
import { storeTaskToken } from '#platform/data/task-tokens.ts';

const table = requireEnv('TABLE_NAME');
const payload = z.object({
  taskToken: z.string().min(1).max(2048),
  executionName: z.string().min(1).max(80),
  subject: z.string().max(200),
});

/**
 * Task of a `.waitForTaskToken` state: stores the token under the execution name, so whoever holds the
 * decision (a webhook, an admin) can resume the execution with SendTaskSuccess or SendTaskFailure.
 */
export const handler = async (event: unknown): Promise<{ stored: true }> => {
  const input = payload.parse(event);
  await storeTaskToken(table, taskTokenKeys(input.executionName), input.taskToken, input.subject);
  return { stored: true };
};
