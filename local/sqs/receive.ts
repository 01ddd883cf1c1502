import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ReceivedMessage } from './event.ts';
import { sleep } from './sleep.ts';

/** How one event source mapping reads its queue. */
export interface ReceiveOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  /** How long an empty poll may take before the next one (long polling in whole seconds up to 20). */
  readonly pollIntervalMs: number;
  /** Aborts a pending receive so that stopping does not wait out a long poll. */
  readonly signal: AbortSignal;
}

// ReceiveMessage returns at most 10 messages, whatever the mapping's batch size.
const MAX_PER_RECEIVE = 10;
// Pause between short polls inside a batching window shorter than a second, so it does not spin.
const WINDOW_TICK_MS = 50;

const hasIds = (m: Message): m is ReceivedMessage =>
  m.MessageId !== undefined && m.ReceiptHandle !== undefined;

const receive = async (o: ReceiveOptions, max: number, waitSeconds: number): Promise<ReceivedMessage[]> => {
  const out = await o.client.send(
    new ReceiveMessageCommand({
      QueueUrl: o.queueUrl,
      MaxNumberOfMessages: Math.min(max, MAX_PER_RECEIVE),
      WaitTimeSeconds: waitSeconds,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
    { abortSignal: o.signal },
  );
  return (out.Messages ?? []).filter(hasIds);
};

/**
 * Waits for the next batch. As in Lambda, a batch is sent as soon as messages arrive unless the mapping
 * has a batching window; then receiving goes on until the batch is full or the window has passed
 * since the first message. Resolves to an empty batch when a poll finds nothing.
 */
export const receiveBatch = async (o: ReceiveOptions): Promise<ReceivedMessage[]> => {
  const waitSeconds = Math.min(20, Math.floor(o.pollIntervalMs / 1000));
  const batch = await receive(o, o.batchSize, waitSeconds);
  if (batch.length === 0) {
    // A short poll (interval under a second) paces itself; a long poll already waited.
    if (waitSeconds === 0) await sleep(o.pollIntervalMs, o.signal);
    return batch;
  }
  const deadline = Date.now() + o.batchingWindowMs;
  while (batch.length < o.batchSize && !o.signal.aborted) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) break;
    const wait = Math.min(20, Math.floor(remainingMs / 1000));
    const more = await receive(o, o.batchSize - batch.length, wait);
    batch.push(...more);
    if (more.length === 0 && wait === 0) await sleep(Math.min(remainingMs, WINDOW_TICK_MS), o.signal);
  }
  return batch;
};
