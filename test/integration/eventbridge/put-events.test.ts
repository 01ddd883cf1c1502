import {
  DescribeEventBusCommand,
  type EventBridgeClient,
  EventBridgeServiceException,
  PutEventsCommand,
  type PutEventsRequestEntry,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type EventBridgeEvent,
  type FailedDelivery,
  type LocalEventBridge,
  start,
} from '#local/eventbridge/index.ts';
import { eventBridgeClient } from './client.ts';

const busName = 'commerce-test';
const received: Record<'catalog' | 'bigOrders' | 'broken', EventBridgeEvent[]> = {
  catalog: [],
  bigOrders: [],
  broken: [],
};
const failures: FailedDelivery[] = [];

let bus: LocalEventBridge;
let client: EventBridgeClient;

beforeAll(async () => {
  bus = await start({
    busName,
    region: 'us-east-1',
    accountId: '000000000000',
    retryDelayMs: 1,
    onFailure: (failure) => failures.push(failure),
    rules: [
      {
        name: 'catalog',
        pattern: { source: ['commerce.catalog'] },
        deliver: async (event) => void received.catalog.push(event),
      },
      {
        name: 'bigOrders',
        pattern: { source: ['commerce.orders'], detail: { total: [{ numeric: ['>=', 10_000] }] } },
        deliver: async (event) => void received.bigOrders.push(event),
      },
      {
        name: 'broken',
        pattern: { 'detail-type': ['Poison'] },
        deliver: async (event) => {
          received.broken.push(event);
          throw new Error('target unavailable');
        },
      },
    ],
  });
  client = eventBridgeClient(bus.url);
});

beforeEach(() => {
  for (const list of Object.values(received)) list.length = 0;
  failures.length = 0;
});

afterAll(async () => {
  client.destroy();
  await bus.stop();
});

const entry = (overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: 'commerce.catalog',
  DetailType: 'ProductCreated',
  Detail: JSON.stringify({ productId: 'p1' }),
  ...overrides,
});

const put = async (...entries: PutEventsRequestEntry[]) => {
  const output = await client.send(new PutEventsCommand({ Entries: entries }));
  await bus.settled();
  return output;
};

describe('PutEvents through the AWS SDK', () => {
  it('delivers the full envelope to the matching rule only', async () => {
    const time = new Date('2026-02-03T10:11:12.345Z');
    const output = await put(entry({ Time: time, Resources: ['arn:aws:commerce:product/p1'] }));
    expect(output.FailedEntryCount).toBe(0);
    const eventId = output.Entries?.[0]?.EventId;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received.catalog).toEqual([
      {
        version: '0',
        id: eventId,
        'detail-type': 'ProductCreated',
        source: 'commerce.catalog',
        account: '000000000000',
        time: '2026-02-03T10:11:12Z',
        region: 'us-east-1',
        resources: ['arn:aws:commerce:product/p1'],
        detail: { productId: 'p1' },
      },
    ]);
    expect(received.bigOrders).toEqual([]);
    expect(bus.deliveredEvents('catalog').at(-1)?.id).toBe(eventId);
  });

  it('routes by detail content', async () => {
    const order = (total: number) =>
      entry({ Source: 'commerce.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify({ total }) });
    await put(order(50_000), order(500));
    expect(received.bigOrders.map((e) => e.detail.total)).toEqual([50_000]);
    expect(received.catalog).toEqual([]);
  });

  it('accepts the bus ARN and stamps the time of receipt when none is given', async () => {
    const before = Date.now() - 1000;
    const output = await put(entry({ EventBusName: bus.busArn }));
    expect(output.FailedEntryCount).toBe(0);
    expect(Date.parse(received.catalog[0]?.time ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('fails a malformed entry and still delivers the others', async () => {
    const output = await put(entry({ Detail: '{not json' }), entry({ Source: undefined }), entry());
    expect(output.FailedEntryCount).toBe(2);
    expect(output.Entries?.[0]).toEqual({
      ErrorCode: 'MalformedDetail',
      ErrorMessage: 'Detail is malformed.',
    });
    expect(output.Entries?.[1]).toEqual({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
    });
    expect(output.Entries?.[2]?.EventId).toBeDefined();
    expect(received.catalog).toHaveLength(1);
  });

  it('fails an entry addressed to a bus that does not exist', async () => {
    const output = await put(entry({ EventBusName: 'elsewhere' }));
    expect(output.Entries).toEqual([
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus elsewhere does not exist.' },
    ]);
    expect(received.catalog).toEqual([]);
  });

  it('rejects more than ten entries with ValidationException', async () => {
    const error = await client
      .send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => entry()) }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventBridgeServiceException);
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });

  it('rejects a call whose entries exceed the size limit', async () => {
    const huge = JSON.stringify({ blob: 'x'.repeat(1024 * 1024) });
    const error = await client
      .send(new PutEventsCommand({ Entries: [entry({ Detail: huge })] }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('retries a failing target, reports the failed invocation and keeps serving', async () => {
    const output = await put(entry({ Source: 'commerce.test', DetailType: 'Poison' }));
    expect(output.FailedEntryCount).toBe(0);
    expect(received.broken).toHaveLength(3);
    expect(failures).toMatchObject([{ ruleName: 'broken', attempts: 3, error: 'target unavailable' }]);
    expect(bus.failedDeliveries('broken')).toHaveLength(1);
    expect((await put(entry())).FailedEntryCount).toBe(0);
    expect(received.catalog).toHaveLength(1);
  });
});

describe('DescribeEventBus through the AWS SDK', () => {
  it.each([busName, `arn:aws:events:us-east-1:000000000000:event-bus/${busName}`])(
    'describes the bus by %s',
    async (name) => {
      const output = await client.send(new DescribeEventBusCommand({ Name: name }));
      expect(output).toMatchObject({ Name: busName, Arn: bus.busArn });
      expect(output.CreationTime).toBeInstanceOf(Date);
    },
  );

  it('raises ResourceNotFoundException for another bus', async () => {
    const error = await client
      .send(new DescribeEventBusCommand({ Name: 'default' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});
