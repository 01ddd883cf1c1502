import type { Message } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ReceivedMessage, toSqsEvent, toSqsRecord } from '#local/sqs/event.ts';

// "Example standard queue message event" from the Lambda Developer Guide (with-sqs.html).
const awsDocsSample = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
      body: 'Test message.',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
      },
      messageAttributes: {
        myAttribute: {
          stringValue: 'myValue',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'String',
        },
      },
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
      awsRegion: 'us-east-2',
    },
    {
      messageId: '2e1424d4-f796-459a-8184-9c92662be6da',
      receiptHandle: 'AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq...',
      body: 'Test message.',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082650636',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082650649',
      },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
      awsRegion: 'us-east-2',
    },
  ],
} satisfies SQSEvent;

const source = { arn: 'arn:aws:sqs:us-east-2:123456789012:my-queue', region: 'us-east-2' };

// The same two messages as ReceiveMessage (AttributeNames All, MessageAttributeNames All) returns them.
const received: ReceivedMessage[] = awsDocsSample.Records.map((r) => ({
  MessageId: r.messageId,
  ReceiptHandle: r.receiptHandle,
  Body: r.body,
  MD5OfBody: r.md5OfBody,
  Attributes: { ...r.attributes },
  ...(Object.keys(r.messageAttributes).length > 0 && {
    MessageAttributes: { myAttribute: { DataType: 'String', StringValue: 'myValue' } },
  }),
}));

const message = (extra: Partial<Message>): ReceivedMessage => ({ ...received[1]!, ...extra });

describe('toSqsEvent', () => {
  it('returns the @types/aws-lambda SQSEvent type', () => {
    expectTypeOf(toSqsEvent).returns.toEqualTypeOf<SQSEvent>();
    expectTypeOf(toSqsRecord).returns.toEqualTypeOf<SQSRecord>();
  });

  it('builds the sample event from the Lambda documentation', () => {
    expect(toSqsEvent(received, source)).toStrictEqual(awsDocsSample);
  });

  it('orders every key as Lambda does', () => {
    expect(JSON.stringify(toSqsEvent(received, source))).toBe(JSON.stringify(awsDocsSample));
  });
});

describe('toSqsRecord', () => {
  it('base64-encodes binary attribute values', () => {
    const record = toSqsRecord(
      message({ MessageAttributes: { blob: { DataType: 'Binary', BinaryValue: Buffer.from('1100') } } }),
      source,
    );
    expect(record.messageAttributes).toStrictEqual({
      blob: { binaryValue: 'MTEwMA==', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
    });
  });

  it('keeps a custom data type such as Number.float', () => {
    const record = toSqsRecord(
      message({ MessageAttributes: { price: { DataType: 'Number.float', StringValue: '9.5' } } }),
      source,
    );
    expect(record.messageAttributes.price).toStrictEqual({
      stringValue: '9.5',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'Number.float',
    });
  });

  it('carries md5OfMessageAttributes only when SQS returns it', () => {
    expect(toSqsRecord(message({}), source)).not.toHaveProperty('md5OfMessageAttributes');
    expect(toSqsRecord(message({ MD5OfMessageAttributes: 'abc' }), source).md5OfMessageAttributes).toBe(
      'abc',
    );
  });

  it('passes FIFO, trace and redrive attributes through', () => {
    const attributes = {
      ...received[1]!.Attributes,
      AWSTraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793',
      MessageGroupId: 'g1',
      MessageDeduplicationId: 'd1',
      SequenceNumber: '18849496460467696128',
      DeadLetterQueueSourceArn: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
    };
    const record = toSqsRecord(message({ Attributes: attributes }), source);
    expect(record.attributes).toStrictEqual(attributes);
  });
});
