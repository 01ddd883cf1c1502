import { DeleteMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ReceivedMessage } from './event.ts';

// DeleteMessageBatch takes at most 10 entries; a batch gathered within a batching window can be larger.
const MAX_ENTRIES = 10;

/**
 * Deletes messages the way the event source mapping does after an invocation, and resolves to the
 * ids SQS refused to delete (they will be delivered again).
 */
export const deleteMessages = async (
  client: SQSClient,
  queueUrl: string,
  messages: readonly ReceivedMessage[],
): Promise<string[]> => {
  const refused: string[] = [];
  for (let start = 0; start < messages.length; start += MAX_ENTRIES) {
    const chunk = messages.slice(start, start + MAX_ENTRIES);
    const out = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle })),
      }),
    );
    for (const failure of out.Failed ?? []) {
      const message = chunk[Number(failure.Id?.slice(1))];
      if (message !== undefined) refused.push(message.MessageId);
    }
  }
  return refused;
};
