import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import type { OpsQueue } from './dead-letter-queues.ts';
import { OpsError, type Output } from './output.ts';
import type { Target } from './target.ts';

const depth = async (target: Target, url: string): Promise<number> => {
  const { Attributes } = await target.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
};

/** `dlq list`: every dead-letter queue with the messages waiting in it. */
export const list = async (target: Target, out: Output): Promise<void> => {
  const queues = await target.queues();
  const rows = await Promise.all(
    queues.map(async (q) => ({
      name: q.name,
      messages: await depth(target, q.dlqUrl),
      redrivable: q.url !== undefined,
      dlqUrl: q.dlqUrl,
    })),
  );
  out.result({ queues: rows }, () => {
    const width = Math.max(5, ...rows.map((r) => r.name.length));
    console.log(`${'QUEUE'.padEnd(width)}  MESSAGES  REDRIVE`);
    for (const r of rows)
      console.log(
        `${r.name.padEnd(width)}  ${String(r.messages).padStart(8)}  ${r.redrivable ? 'yes' : 'replay instead'}`,
      );
    const total = rows.reduce((n, r) => n + r.messages, 0);
    console.log(
      total === 0 ? 'Every dead-letter queue is empty.' : `${total} message(s) wait in dead-letter queues.`,
    );
  });
};

const find = async (target: Target, name: string): Promise<OpsQueue> => {
  const queues = await target.queues();
  const queue = queues.find((q) => q.name === name);
  if (!queue)
    throw new OpsError(
      `No dead-letter queue named ${name}. Known: ${queues.map((q) => q.name).join(', ')}`,
      2,
    );
  return queue;
};

/**
 * `dlq redrive <queue>`: moves every message of a queue's dead-letter queue back to the queue, in
 * batches of 10: sent first, deleted after, so a crash in between delivers a message twice (consumers
 * are idempotent) and never loses one. A rule's, pipe's or schedule's dead letters have no queue to go
 * back to: their events are replayed from the archive instead.
 */
export const redrive = async (target: Target, name: string, out: Output): Promise<void> => {
  const queue = await find(target, name);
  if (!queue.url)
    throw new OpsError(
      `${name} is a dead-letter queue of a rule, pipe or schedule: replay its events with \`npm run ops -- events replay\` instead`,
    );
  const total = await depth(target, queue.dlqUrl);
  const progress = out.progress(`Redriving ${name}`);
  let moved = 0;
  for (;;) {
    const { Messages = [] } = await target.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.dlqUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const sent = await target.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: Messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          ...(m.MessageAttributes && Object.keys(m.MessageAttributes).length
            ? { MessageAttributes: m.MessageAttributes }
            : {}),
        })),
      }),
    );
    const ok = new Set((sent.Successful ?? []).map((s) => s.Id));
    const done = Messages.filter((_, i) => ok.has(String(i)));
    if (done.length > 0)
      await target.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.dlqUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    moved += done.length;
    progress.update(total > 0 ? Math.min(1, moved / total) : 1, `${moved}/${Math.max(total, moved)}`);
    if (done.length < Messages.length)
      throw new OpsError(
        `${Messages.length - done.length} message(s) could not be sent back to ${name}; they stay in its dead-letter queue`,
      );
  }
  progress.done(`${moved} moved`);
  out.result({ queue: name, moved }, () =>
    console.log(`Moved ${moved} message(s) from ${name}'s dead-letter queue back to ${name}.`),
  );
};
