import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Poller } from './poller.ts';
import { sleep } from './sleep.ts';

const COUNTS = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

const isEmpty = async (client: SQSClient, queueUrl: string): Promise<boolean> => {
  const out = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...COUNTS] }),
  );
  return COUNTS.every((name) => out.Attributes?.[name] === '0');
};

/**
 * Resolves once every queue is empty (nothing visible, in flight or delayed) and no batch is being
 * handled. A message waiting out its visibility timeout counts as in flight, so a failing batch keeps
 * `drain` waiting until it succeeds or reaches its dead-letter queue.
 */
export const waitUntilDrained = async (
  client: SQSClient,
  queueUrls: readonly string[],
  pollers: readonly Poller[],
  intervalMs: number,
): Promise<void> => {
  const idle = (): boolean => pollers.every((p) => !p.busy);
  const batches = (): number => pollers.reduce((sum, p) => sum + p.batches, 0);
  for (;;) {
    // A consumer may send to another queue while the queues are read one by one: only a pass that saw
    // no batch start, and idle pollers on both sides, proves that everything is done.
    const before = batches();
    if (idle()) {
      const empty = await Promise.all(queueUrls.map((url) => isEmpty(client, url)));
      if (empty.every(Boolean) && idle() && batches() === before) return;
    }
    await sleep(intervalMs);
  }
};
