import type {
  AttributeValue as SdkAttributeValue,
  _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

type SdkImage = Record<string, SdkAttributeValue>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** An attribute value as JSON carries it: binary (`B`, `BS`) as base64, the rest as the SDK reads it. */
const wireValue = (value: SdkAttributeValue): AttributeValue => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(wireValue) };
  if (value.M !== undefined) return { M: wireImage(value.M) };
  return value as AttributeValue;
};

const wireImage = (image: SdkImage): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, wireValue(value)]));

const wire = (image: SdkImage | undefined) => (image ? wireImage(image) : undefined);

/**
 * A DynamoDB Streams SDK record in the JSON shape Pipes and Lambda deliver (the shape the Pipe filter
 * matches against): dates as epoch seconds, attribute values as DynamoDB JSON with binary as base64,
 * the stream ARN added.
 */
export const toLambdaRecord = (record: StreamRecord, streamArn: string, region: string): DynamoDBRecord => {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: d.ApproximateCreationDateTime
        ? Math.floor(new Date(d.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
      Keys: wire(d.Keys),
      NewImage: wire(d.NewImage),
      OldImage: wire(d.OldImage),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    eventSourceARN: streamArn,
  } as DynamoDBRecord;
};
