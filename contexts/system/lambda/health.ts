import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '#platform/config/env.ts';
import { documentClient } from '#platform/data/client.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const table = requireEnv('TABLE_NAME');

/** GET /health: proves the function runs and the table answers (one strongly consistent read). */
export const handler = httpHandler({}, async () => {
  const started = Date.now();
  await documentClient().send(new GetCommand({ TableName: table, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  return json(200, { status: 'ok', table: { reachable: true, latencyMs: Date.now() - started } });
});
