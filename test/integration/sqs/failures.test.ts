import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FunctionError } from '#local/lambda/types.ts';
import { type Harness, queueDef, startSqs } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const firstDelivery = (event: SQSEvent): boolean =>
  event.Records.some((r) => r.attributes.ApproximateReceiveCount === '1');

const sendAll = async (harness: Harness, bodies: readonly string[]): Promise<void> => {
  await harness.client.send(
    new SendMessageBatchCommand({
      QueueUrl: harness.sqs.queueUrl('orders'),
      Entries: bodies.map((body, i) => ({ Id: `e${i}`, MessageBody: body })),
    }),
  );
};

const gapMs = (harness: Harness, body: string): number => {
  const times = harness.calls.filter((c) => c.event.Records.some((r) => r.body === body)).map((c) => c.at);
  return (times[1] ?? Number.NaN) - (times[0] ?? Number.NaN);
};

describe('local SQS event source mapping failures', () => {
  it('deletes the successes of a partial batch failure and redelivers the failures after the visibility timeout', async () => {
    h = await startSqs({ orders: queueDef() }, (event): SQSBatchResponse => {
      const failing = event.Records.filter(
        (r) => r.body === 'b' && r.attributes.ApproximateReceiveCount === '1',
      );
      return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    await sendAll(h, ['a', 'b', 'c']);
    await h.sqs.drain();

    expect(h.deliveries('a')).toHaveLength(1);
    expect(h.deliveries('c')).toHaveLength(1);
    expect(h.deliveries('b').map((r) => r.attributes.ApproximateReceiveCount)).toStrictEqual(['1', '2']);
    expect(gapMs(h, 'b')).toBeGreaterThanOrEqual(950);
  });

  it.each([
    ['the consumer throws', () => Promise.reject(new FunctionError('Error', 'boom'))],
    [
      'the response names a message not in the batch',
      () => ({ batchItemFailures: [{ itemIdentifier: 'nope' }] }),
    ],
    ['the response is not an SQSBatchResponse', () => 'ok'],
  ])('redelivers the whole batch when %s', async (_, fail) => {
    h = await startSqs({ orders: queueDef() }, (event) => (firstDelivery(event) ? fail() : undefined));
    await sendAll(h, ['a', 'b']);
    await h.sqs.drain();

    for (const body of ['a', 'b']) {
      expect(h.deliveries(body).map((r) => r.attributes.ApproximateReceiveCount)).toStrictEqual(['1', '2']);
      expect(gapMs(h, body)).toBeGreaterThanOrEqual(950);
    }
    expect(h.logs.some((line) => line.includes('failed'))).toBe(true);
  });

  it('moves a message that always fails to the dead-letter queue after maxReceiveCount receives', async () => {
    h = await startSqs({ orders: queueDef({ maxReceiveCount: 3 }) }, () => {
      throw new FunctionError('Error', 'always');
    });
    const sent = await h.client.send(
      new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: 'x' }),
    );

    const harness = h;
    const dead = await vi.waitFor(
      async () => {
        const out = await harness.client.send(
          new ReceiveMessageCommand({ QueueUrl: harness.sqs.dlqUrl('orders') }),
        );
        const message = out.Messages?.[0];
        if (message === undefined) throw new Error('not in the DLQ yet');
        return message;
      },
      { timeout: 8000, interval: 100 },
    );
    expect(dead.MessageId).toBe(sent.MessageId);
    expect(dead.Body).toBe('x');
    expect(h.calls).toHaveLength(3);
    expect(h.deliveries('x').map((r) => r.attributes.ApproximateReceiveCount)).toStrictEqual(['1', '2', '3']);

    await h.sqs.drain();
    const main = await h.client.send(
      new GetQueueAttributesCommand({ QueueUrl: h.sqs.queueUrl('orders'), AttributeNames: ['All'] }),
    );
    expect(main.Attributes?.ApproximateNumberOfMessages).toBe('0');
    expect(main.Attributes?.ApproximateNumberOfMessagesNotVisible).toBe('0');
    expect(h.calls).toHaveLength(3);
  });
});
