import { SQSClient } from '@aws-sdk/client-sqs';
import type { Invoke } from '#local/lambda/types.ts';
import type { QueueDef } from '#platform/definition/types.ts';
import { waitUntilDrained } from './drain.ts';
import { type Log, stderrLog } from './log.ts';
import { type Poller, startPoller } from './poller.ts';
import { createQueue, type LocalQueue } from './queues.ts';
import { startServer } from './server.ts';

export interface SqsOptions {
  /** Port of the SQS endpoint on 127.0.0.1; a free one by default. */
  readonly port?: number;
  readonly region: string;
  /** Account in queue URLs, ARNs and `eventSourceARN`. fauxqs itself always reports 000000000000. */
  readonly accountId: string;
  readonly queues: Readonly<Record<string, QueueDef>>;
  /** The physical name of a queue of the definition, e.g. prefix + name. */
  readonly queueName: (logicalName: string) => string;
  /** Invokes a consumer of the definition, as Lambda's synchronous Invoke does. */
  readonly invoke: Invoke;
  /** How long one empty poll lasts (long polling in whole seconds, up to 20); 1000 by default. */
  readonly pollIntervalMs?: number;
  /** Multiplies every visibility timeout (rounded, at least 1 s), so tests need not wait 30 s. */
  readonly visibilityScale?: number;
  /** Where one-line diagnostics go; stderr by default. */
  readonly log?: Log;
}

export interface LocalSqs {
  /** The SQS endpoint, `http://127.0.0.1:<port>`. */
  readonly url: string;
  queueUrl(logicalName: string): string;
  dlqUrl(logicalName: string): string;
  queueArn(logicalName: string): string;
  /** Stops the pollers and the endpoint; safe to call more than once. */
  stop(): Promise<void>;
  /** Resolves when every queue is empty and no invocation is in flight (for tests). */
  drain(): Promise<void>;
}

// How long stop() lets a consumer that is already running finish before the endpoint goes away.
const STOP_GRACE_MS = 1000;
const DRAIN_INTERVAL_MS = 25;

/** Starts a local SQS endpoint with the definition's queues and one event source mapping per queue. */
export async function start(options: SqsOptions): Promise<LocalSqs> {
  const { region, accountId } = options;
  const log = options.log ?? stderrLog;
  const visibilityScale = options.visibilityScale ?? 1;
  if (!(visibilityScale > 0 && Number.isFinite(visibilityScale))) {
    throw new Error(`visibilityScale must be a positive number, not ${visibilityScale}`);
  }
  const server = await startServer(options.port ?? 0, region);
  const client = new SQSClient({
    endpoint: server.url,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const queues = new Map<string, LocalQueue>();
  try {
    const naming = {
      endpoint: server.url,
      region,
      accountId,
      queueName: options.queueName,
      visibilityScale,
    };
    for (const [logicalName, def] of Object.entries(options.queues)) {
      queues.set(logicalName, await createQueue(client, naming, logicalName, def));
    }
  } catch (error) {
    client.destroy();
    await server.close();
    throw error;
  }

  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const pollers: Poller[] = [...queues.values()].map((queue) =>
    startPoller({ client, queue, region, invoke: options.invoke, pollIntervalMs, log }),
  );
  const lookup = (logicalName: string): LocalQueue => {
    const queue = queues.get(logicalName);
    if (queue === undefined) throw new Error(`No queue named ${logicalName} in the definition`);
    return queue;
  };
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await Promise.all(pollers.map((p) => p.stop(STOP_GRACE_MS)));
    client.destroy();
    await server.close();
  };

  return {
    url: server.url,
    queueUrl: (logicalName) => lookup(logicalName).url,
    dlqUrl: (logicalName) => lookup(logicalName).dlqUrl,
    queueArn: (logicalName) => lookup(logicalName).arn,
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
    drain: () => {
      if (stopping !== undefined) return Promise.reject(new Error('local SQS is stopped'));
      const urls = [...queues.values()].map((q) => q.url);
      return waitUntilDrained(client, urls, pollers, DRAIN_INTERVAL_MS);
    },
  };
}
