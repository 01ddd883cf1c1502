import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { type LocalSqs, type SqsOptions, start } from '#local/sqs/index.ts';
import type { QueueDef } from '#platform/definition/types.ts';

export const region = 'eu-west-1';
export const accountId = '123456789012';

/** One invocation the fake Lambda runtime received. */
export interface Call {
  readonly functionName: string;
  readonly event: SQSEvent;
  readonly at: number;
}

export type Consumer = (event: SQSEvent) => unknown;

/** A tiny queue definition: 1 s visibility so retries happen within a test. */
export const queueDef = (overrides: Partial<QueueDef> = {}): QueueDef => ({
  description: 'test queue',
  consumer: 'ordersConsumer',
  batchSize: 10,
  visibilityTimeoutSeconds: 1,
  maxReceiveCount: 3,
  ...overrides,
});

export interface Harness {
  readonly sqs: LocalSqs;
  /** A real SDK client against the local endpoint, as a producer would use it. */
  readonly client: SQSClient;
  readonly calls: Call[];
  readonly logs: string[];
  /** Every delivery of a body, in order. */
  deliveries(body: string): SQSRecord[];
  close(): Promise<void>;
}

/** Starts the local SQS with `queues` and a fake invoke that records calls and runs `consumer`. */
export const startSqs = async (
  queues: Record<string, QueueDef>,
  consumer: Consumer,
  options: Partial<SqsOptions> = {},
): Promise<Harness> => {
  const calls: Call[] = [];
  const logs: string[] = [];
  const sqs = await start({
    region,
    accountId,
    queues,
    queueName: (name) => `test-${name}`,
    invoke: async (functionName, event) => {
      // The poller only ever invokes with the SQS event it built.
      const sqsEvent = event as SQSEvent;
      calls.push({ functionName, event: sqsEvent, at: Date.now() });
      return consumer(sqsEvent);
    },
    log: (line) => logs.push(line),
    ...options,
  });
  const client = new SQSClient({
    endpoint: sqs.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    sqs,
    client,
    calls,
    logs,
    deliveries: (body) => calls.flatMap((c) => c.event.Records).filter((r) => r.body === body),
    close: async () => {
      client.destroy();
      await sqs.stop();
    },
  };
};
