import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type {
  SQSEvent,
  SQSMessageAttribute,
  SQSMessageAttributes,
  SQSRecord,
  SQSRecordAttributes,
} from 'aws-lambda';

/** The queue a batch came from, as the event source mapping reports it in every record. */
export interface EventSource {
  readonly arn: string;
  readonly region: string;
}

/** A received message with the fields Lambda needs; ReceiveMessage types them all as optional. */
export type ReceivedMessage = Message & { MessageId: string; ReceiptHandle: string };

// System attributes Lambda passes through when SQS returns them (FIFO fields, X-Ray, console redrive).
const OPTIONAL_ATTRIBUTES = [
  'AWSTraceHeader',
  'SequenceNumber',
  'MessageGroupId',
  'MessageDeduplicationId',
  'DeadLetterQueueSourceArn',
] as const;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

// Lambda renames the SQS API's PascalCase fields, base64-encodes binary values, and always sends the
// (unused) list fields as empty arrays, in this key order.
const toLambdaAttribute = (value: MessageAttributeValue): SQSMessageAttribute => ({
  ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
  ...(value.BinaryValue !== undefined && { binaryValue: base64(value.BinaryValue) }),
  stringListValues: value.StringListValues ?? [],
  binaryListValues: (value.BinaryListValues ?? []).map(base64),
  dataType: value.DataType ?? 'String',
});

const toLambdaAttributes = (attributes: Message['MessageAttributes']): SQSMessageAttributes =>
  Object.fromEntries(Object.entries(attributes ?? {}).map(([name, v]) => [name, toLambdaAttribute(v)]));

const toRecordAttributes = (attributes: Message['Attributes']): SQSRecordAttributes => {
  const a = attributes ?? {};
  const record: SQSRecordAttributes = {
    ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
    SentTimestamp: a.SentTimestamp ?? '',
    SenderId: a.SenderId ?? '',
    ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? '',
  };
  for (const name of OPTIONAL_ATTRIBUTES) {
    const value = a[name];
    if (value !== undefined) record[name] = value;
  }
  return record;
};

/** One SQS message as a record of Lambda's SQS event. */
export const toSqsRecord = (message: ReceivedMessage, source: EventSource): SQSRecord => ({
  messageId: message.MessageId,
  receiptHandle: message.ReceiptHandle,
  body: message.Body ?? '',
  attributes: toRecordAttributes(message.Attributes),
  messageAttributes: toLambdaAttributes(message.MessageAttributes),
  md5OfBody: message.MD5OfBody ?? '',
  ...(message.MD5OfMessageAttributes !== undefined && {
    md5OfMessageAttributes: message.MD5OfMessageAttributes,
  }),
  eventSource: 'aws:sqs',
  eventSourceARN: source.arn,
  awsRegion: source.region,
});

/** The event an SQS event source mapping invokes its function with for one batch. */
export const toSqsEvent = (messages: readonly ReceivedMessage[], source: EventSource): SQSEvent => ({
  Records: messages.map((m) => toSqsRecord(m, source)),
});
