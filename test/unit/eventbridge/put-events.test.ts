import { describe, expect, it } from 'vitest';
import { AwsError } from '#local/eventbridge/aws-error.ts';
import { type Bus, busArn } from '#local/eventbridge/bus.ts';
import { type PutEventsContext, putEvents } from '#local/eventbridge/put-events.ts';

const bus: Bus = {
  name: 'commerce-bus',
  arn: busArn('us-east-1', '000000000000', 'commerce-bus'),
  region: 'us-east-1',
  accountId: '000000000000',
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

const context = (overrides: Partial<PutEventsContext> = {}): PutEventsContext => {
  let n = 0;
  return {
    bus,
    maxRequestBytes: 1024 * 1024,
    now: () => new Date('2026-03-04T05:06:07.890Z'),
    newId: () => `id-${++n}`,
    ...overrides,
  };
};

const entry = (overrides: Record<string, unknown> = {}) => ({
  EventBusName: 'commerce-bus',
  Source: 'commerce.catalog',
  DetailType: 'ProductCreated',
  Detail: JSON.stringify({ id: 'p1' }),
  ...overrides,
});

const rejection = (run: () => unknown): AwsError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
};

describe('PutEvents', () => {
  it('builds the event envelope AWS delivers, keys in AWS order, time without milliseconds', () => {
    const { response, events } = putEvents({ Entries: [entry({ Resources: ['arn:x'] })] }, context());
    expect(response).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: 'id-1' }] });
    expect(events).toEqual([
      {
        version: '0',
        id: 'id-1',
        'detail-type': 'ProductCreated',
        source: 'commerce.catalog',
        account: '000000000000',
        time: '2026-03-04T05:06:07Z',
        region: 'us-east-1',
        resources: ['arn:x'],
        detail: { id: 'p1' },
      },
    ]);
    expect(Object.keys(events[0] ?? {})).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
  });

  it.each([
    { name: 'epoch seconds, as the SDK sends Time', time: 1_700_000_000.5, expected: '2023-11-14T22:13:20Z' },
    { name: 'an ISO string', time: '2024-02-03T04:05:06.789Z', expected: '2024-02-03T04:05:06Z' },
    { name: 'an unreadable time (falls back to now)', time: 'yesterday', expected: '2026-03-04T05:06:07Z' },
  ])('takes the entry Time from $name', ({ time, expected }) => {
    const { events } = putEvents({ Entries: [entry({ Time: time })] }, context());
    expect(events[0]?.time).toBe(expected);
  });

  it('accepts the bus by ARN', () => {
    const { response } = putEvents({ Entries: [entry({ EventBusName: bus.arn })] }, context());
    expect(response.FailedEntryCount).toBe(0);
  });

  it.each([
    {
      name: 'no Source',
      change: { Source: undefined },
      code: 'InvalidArgument',
      message: 'Parameter Source is not valid. Reason: Source is a required argument.',
    },
    {
      name: 'no DetailType',
      change: { DetailType: '' },
      code: 'InvalidArgument',
      message: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
    },
    {
      name: 'no Detail',
      change: { Detail: undefined },
      code: 'InvalidArgument',
      message: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
    },
    {
      name: 'Detail that is not JSON',
      change: { Detail: '{not json' },
      code: 'MalformedDetail',
      message: 'Detail is malformed.',
    },
    {
      name: 'Detail that is a JSON array',
      change: { Detail: '[1,2]' },
      code: 'MalformedDetail',
      message: 'Detail is malformed.',
    },
    {
      name: 'Detail that is a JSON string',
      change: { Detail: '"text"' },
      code: 'MalformedDetail',
      message: 'Detail is malformed.',
    },
    {
      name: 'an aws.* source',
      change: { Source: 'aws.ec2' },
      code: 'NotAuthorizedForSourceException',
      message: 'Not authorized for the source.',
    },
    {
      name: 'another bus',
      change: { EventBusName: 'orders' },
      code: 'ResourceNotFoundException',
      message: 'Event bus orders does not exist.',
    },
    {
      name: 'no bus (the default bus)',
      change: { EventBusName: undefined },
      code: 'ResourceNotFoundException',
      message: 'Event bus default does not exist.',
    },
    {
      name: 'Resources that are not strings',
      change: { Resources: [1] },
      code: 'InvalidArgument',
      message: 'Parameter Resources is not valid. Reason: Resources must be a list of strings.',
    },
  ])('fails only the entry with $name', ({ change, code, message }) => {
    const { response, events } = putEvents({ Entries: [entry(), entry(change), entry()] }, context());
    expect(response).toEqual({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'id-1' }, { ErrorCode: code, ErrorMessage: message }, { EventId: 'id-2' }],
    });
    expect(events.map((e) => e.id)).toEqual(['id-1', 'id-2']);
  });

  it.each([
    {
      name: 'no Entries',
      input: {},
      message:
        "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    },
    {
      name: 'zero entries',
      input: { Entries: [] },
      message:
        "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    },
    {
      name: 'eleven entries',
      input: { Entries: Array.from({ length: 11 }, () => entry()) },
      message:
        "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10",
    },
  ])('rejects the whole call with $name', ({ input, message }) => {
    expect(rejection(() => putEvents(input, context()))).toMatchObject({
      code: 'ValidationException',
      message,
    });
  });

  it('counts entry sizes as the guide does and rejects a call over the limit', () => {
    // Source 16 + DetailType 14 + Detail 14 (é is two bytes) + Time 14 + resource 5 = 63 bytes.
    const sized = entry({ Detail: '{"a":"ééé"}', Time: 0, Resources: ['arn:x'] });
    expect(putEvents({ Entries: [sized] }, context({ maxRequestBytes: 63 })).response.FailedEntryCount).toBe(
      0,
    );
    expect(rejection(() => putEvents({ Entries: [sized] }, context({ maxRequestBytes: 62 })))).toMatchObject({
      code: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });
});
