import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Invoke } from '#local/lambda/types.ts';
import { type BatchOutcome, readBatchResponse } from './batch-response.ts';
import { deleteMessages } from './delete.ts';
import { type ReceivedMessage, toSqsEvent } from './event.ts';
import { describeError, type Log } from './log.ts';
import type { LocalQueue } from './queues.ts';
import { receiveBatch } from './receive.ts';
import { sleep } from './sleep.ts';

export interface PollerOptions {
  readonly client: SQSClient;
  readonly queue: LocalQueue;
  readonly region: string;
  readonly invoke: Invoke;
  readonly pollIntervalMs: number;
  readonly log: Log;
}

/** The event source mapping of one queue: receive a batch, invoke the consumer, delete what succeeded. */
export interface Poller {
  /** A batch is between its receive and the deletion of its messages. */
  readonly busy: boolean;
  /** Counts batches received; `drain` uses it to notice work that started while it was looking. */
  readonly batches: number;
  /** Stops polling and resolves when the current batch is settled, or after `graceMs` at the latest. */
  stop(graceMs: number): Promise<void>;
}

// After a failed ReceiveMessage, wait before asking again so a broken endpoint is not hammered.
const MIN_RETRY_MS = 250;

export const startPoller = (o: PollerOptions): Poller => {
  const { queue, log } = o;
  const aborter = new AbortController();
  const state = { busy: false, batches: 0, stopped: false };

  const settle = async (batch: ReceivedMessage[]): Promise<void> => {
    const ids = batch.map((m) => m.MessageId);
    let outcome: BatchOutcome;
    try {
      const response = await o.invoke(
        queue.def.consumer,
        toSqsEvent(batch, { arn: queue.arn, region: o.region }),
      );
      outcome = readBatchResponse(response, ids);
    } catch (error) {
      outcome = { kind: 'failed', reason: describeError(error) };
    }
    const prefix = `${queue.logicalName} → ${queue.def.consumer}`;
    if (outcome.kind === 'failed') {
      log(
        `${prefix}: batch of ${ids.length} failed (${outcome.reason}); retried after the visibility timeout`,
      );
      return;
    }
    const { failed } = outcome;
    if (failed.size > 0) log(`${prefix}: ${failed.size} of ${ids.length} message(s) reported as failed`);
    const refused = await deleteMessages(
      o.client,
      queue.url,
      batch.filter((m) => !failed.has(m.MessageId)),
    );
    if (refused.length > 0) log(`${prefix}: SQS did not delete ${refused.join(', ')}`);
  };

  const loop = async (): Promise<void> => {
    while (!state.stopped) {
      try {
        const batch = await receiveBatch({
          client: o.client,
          queueUrl: queue.url,
          batchSize: queue.def.batchSize,
          batchingWindowMs: (queue.def.maxBatchingWindowSeconds ?? 0) * 1000,
          pollIntervalMs: o.pollIntervalMs,
          signal: aborter.signal,
        });
        if (batch.length === 0) continue;
        state.busy = true;
        state.batches += 1;
        await settle(batch);
      } catch (error) {
        // Errors while stopping are the endpoint going away under an aborted or late request.
        if (state.stopped) return;
        log(`${queue.logicalName}: ${describeError(error)}`);
        await sleep(Math.max(o.pollIntervalMs, MIN_RETRY_MS), aborter.signal);
      } finally {
        state.busy = false;
      }
    }
  };

  const running = loop();
  return {
    get busy() {
      return state.busy;
    },
    get batches() {
      return state.batches;
    },
    stop: async (graceMs) => {
      state.stopped = true;
      aborter.abort();
      // A consumer that outlives the grace period is abandoned: its messages are not deleted and
      // would return after the visibility timeout, as when Lambda loses an invocation.
      const grace = new AbortController();
      await Promise.race([running.finally(() => grace.abort()), sleep(graceMs, grace.signal)]);
    },
  };
};
