import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import type { Health } from '../domain/schemas.ts';
import { healthKey } from './keys.ts';

/**
 * Proves the table answers: one strongly consistent GetItem (of an item that need not exist, so a read
 * grant suffices), timed. A table that cannot be reached throws, and the caller answers 500.
 */
export const probeTable = async (table: string): Promise<Health> => {
  const started = Date.now();
  await documentClient().send(new GetCommand({ TableName: table, Key: healthKey, ConsistentRead: true }));
  return { status: 'ok', table: { reachable: true, latencyMs: Date.now() - started } };
};
