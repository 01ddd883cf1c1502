import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { app } from '#app/definition.ts';
import { createTable } from '#local/dynamodb/table.ts';
import { scaled } from './budget.ts';

/** The running local cloud of this test run (started once by test/setup/global.ts). */
export const cloud = () => inject('cloud');

/** SDK settings for a client of one of the local cloud's endpoints. */
export const sdkConfig = (endpoint: string) => ({
  endpoint,
  region: cloud().region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/**
 * Points this test process's AWS SDK at the local DynamoDB the way the local Lambda runtime points
 * handlers at it (`AWS_ENDPOINT_URL_DYNAMODB`), so repositories run unchanged.
 */
export const useLocalDynamo = () => {
  const info = cloud();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = info.endpoints.dynamodb;
  process.env.AWS_REGION = info.region;
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  return DynamoDBDocumentClient.from(new DynamoDBClient(sdkConfig(info.endpoints.dynamodb)));
};

/** A fresh table with the definition's schema, so an integration test owns all of its data. */
export const createTestTable = async (): Promise<string> => {
  const name = `test-${randomUUID()}`;
  const client = new DynamoDBClient(sdkConfig(cloud().endpoints.dynamodb));
  await createTable(client, name, app.table);
  client.destroy();
  return name;
};

/**
 * Polls `probe` until it returns a value (not undefined) or the time runs out: `idleMs` is the limit
 * on an idle machine, stretched by the machine's load (test/support/budget.ts).
 */
export const eventually = async <T>(probe: () => Promise<T | undefined>, idleMs = 15_000): Promise<T> => {
  const timeoutMs = scaled(idleMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
