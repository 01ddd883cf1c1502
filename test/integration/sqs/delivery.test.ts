import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, type Harness, queueDef, region, startSqs } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('local SQS delivery', () => {
  it('invokes the consumer with the Lambda SQS event for a sent message, then deletes it', async () => {
    h = await startSqs({ orders: queueDef() }, () => undefined);
    const sent = await h.client.send(
      new SendMessageCommand({
        QueueUrl: h.sqs.queueUrl('orders'),
        MessageBody: '{"orderId":"o-1"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'OrderPlaced' },
          total: { DataType: 'Number', StringValue: '4200' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('1100') },
        },
      }),
    );
    await h.sqs.drain();

    expect(h.calls).toHaveLength(1);
    const call = h.calls[0]!;
    expect(call.functionName).toBe('ordersConsumer');
    expect(Object.keys(call.event)).toStrictEqual(['Records']);
    const [record] = call.event.Records;
    expect(record).toStrictEqual({
      messageId: sent.MessageId,
      receiptHandle: expect.any(String),
      body: '{"orderId":"o-1"}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d{13}$/),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
      },
      messageAttributes: {
        kind: { stringValue: 'OrderPlaced', stringListValues: [], binaryListValues: [], dataType: 'String' },
        total: { stringValue: '4200', stringListValues: [], binaryListValues: [], dataType: 'Number' },
        blob: { binaryValue: 'MTEwMA==', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
      md5OfBody: sent.MD5OfMessageBody,
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${region}:${accountId}:test-orders`,
      awsRegion: region,
    });
    const { attributes } = record!;
    expect(Number(attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(
      Number(attributes.SentTimestamp),
    );
  });

  it('creates each queue with its dead-letter queue, redrive policy and scaled visibility timeout', async () => {
    h = await startSqs(
      { orders: queueDef({ visibilityTimeoutSeconds: 30, maxReceiveCount: 4 }) },
      () => undefined,
      {
        visibilityScale: 1 / 30,
      },
    );
    expect(h.sqs.queueUrl('orders')).toBe(`${h.sqs.url}/${accountId}/test-orders`);
    expect(h.sqs.dlqUrl('orders')).toBe(`${h.sqs.url}/${accountId}/test-orders-dlq`);
    expect(h.sqs.queueArn('orders')).toBe(`arn:aws:sqs:${region}:${accountId}:test-orders`);
    expect(() => h?.sqs.queueUrl('missing')).toThrow(/missing/);

    const out = await h.client.send(
      new GetQueueAttributesCommand({ QueueUrl: h.sqs.queueUrl('orders'), AttributeNames: ['All'] }),
    );
    expect(out.Attributes?.VisibilityTimeout).toBe('1');
    expect(JSON.parse(out.Attributes?.RedrivePolicy ?? '{}')).toStrictEqual({
      deadLetterTargetArn: expect.stringMatching(/:test-orders-dlq$/),
      maxReceiveCount: 4,
    });
    const dlq = await h.client.send(
      new GetQueueAttributesCommand({ QueueUrl: h.sqs.dlqUrl('orders'), AttributeNames: ['QueueArn'] }),
    );
    expect(dlq.Attributes?.QueueArn).toMatch(/:test-orders-dlq$/);
  });

  it('sends messages as they arrive when the mapping has no batching window', async () => {
    h = await startSqs({ orders: queueDef() }, () => undefined);
    const url = h.sqs.queueUrl('orders');
    await h.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'first' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'second' }));
    await h.sqs.drain();
    expect(h.calls.map((c) => c.event.Records.map((r) => r.body))).toStrictEqual([['first'], ['second']]);
  });

  it('gathers messages into one batch within the batching window', async () => {
    // The window must be shorter than the visibility timeout, or gathered messages come back meanwhile.
    h = await startSqs(
      { orders: queueDef({ maxBatchingWindowSeconds: 1, visibilityTimeoutSeconds: 5 }) },
      () => undefined,
    );
    const url = h.sqs.queueUrl('orders');
    await h.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'first' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'second' }));
    await h.sqs.drain();
    expect(h.calls.map((c) => c.event.Records.map((r) => r.body))).toStrictEqual([['first', 'second']]);
  });

  it('never puts more messages in a batch than the batch size', async () => {
    h = await startSqs(
      { orders: queueDef({ batchSize: 2, maxBatchingWindowSeconds: 1, visibilityTimeoutSeconds: 5 }) },
      () => undefined,
    );
    const url = h.sqs.queueUrl('orders');
    for (const body of ['1', '2', '3', '4', '5']) {
      await h.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    }
    await h.sqs.drain();
    const batches = h.calls.map((c) => c.event.Records.map((r) => r.body));
    expect(batches.flat().sort()).toStrictEqual(['1', '2', '3', '4', '5']);
    expect(Math.max(...batches.map((b) => b.length))).toBe(2);
  });
});

describe('local SQS message bodies', () => {
  it('carries characters beyond U+FFFF (emoji) as SQS does, and still refuses what SQS refuses', async () => {
    h = await startSqs({ orders: queueDef() }, () => undefined);
    const body = JSON.stringify({ title: 'Socks 🧦 in 🇩🇪, 𠀋' });
    await h.client.send(new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: body }));
    await h.sqs.drain();
    expect(h.calls[0]?.event.Records[0]?.body).toBe(body);
    await expect(
      h.client.send(
        new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: 'bell \u0007' }),
      ),
    ).rejects.toThrow(/Invalid characters/);
    await expect(
      h.client.send(
        new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: 'lone \ud800' }),
      ),
    ).rejects.toThrow();
  });
});
