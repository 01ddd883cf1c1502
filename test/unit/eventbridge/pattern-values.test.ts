import { describe, expect, it } from 'vitest';
import { systemContext } from '#contexts/system/context.ts';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { ec2Event, withDetail } from './fixtures.ts';

describe('event pattern: exact values', () => {
  it.each([
    {
      name: 'the guide example: source, detail-type and detail.state',
      pattern: {
        source: ['aws.ec2'],
        'detail-type': ['EC2 Instance State-change Notification'],
        detail: { state: ['running'] },
      },
      matches: true,
    },
    {
      name: 'one of several values (OR inside the array)',
      pattern: { detail: { state: ['initializing', 'running'] } },
      matches: true,
    },
    { name: 'a value that differs', pattern: { detail: { state: ['stopped'] } }, matches: false },
    { name: 'case matters', pattern: { source: ['AWS.EC2'] }, matches: false },
    {
      name: 'every field must match (AND)',
      pattern: { source: ['aws.ec2'], region: ['eu-west-1'] },
      matches: false,
    },
    { name: 'a field missing from the event', pattern: { detail: { missing: ['x'] } }, matches: false },
    { name: 'a number equal as JSON (5 and 5.0)', pattern: { detail: { 'c-count': [5.0] } }, matches: true },
    {
      name: 'a number written in exponent form',
      pattern: { detail: { 'x-limit': [3.018e2] } },
      matches: true,
    },
    { name: 'a number never matches its string', pattern: { detail: { 'c-count': ['5'] } }, matches: false },
    { name: 'a string never matches a number', pattern: { detail: { state: [5] } }, matches: false },
    {
      name: 'a nested object pattern against a leaf',
      pattern: { detail: { state: { name: ['running'] } } },
      matches: false,
    },
    { name: 'a leaf pattern against an object', pattern: { detail: ['running'] }, matches: false },
  ])('$name → $matches', ({ pattern, matches }) => {
    expect(matchesPattern(pattern, ec2Event)).toBe(matches);
  });

  it.each([
    { name: 'true matches true', pattern: [true], value: true, matches: true },
    { name: 'true does not match "true"', pattern: [true], value: 'true', matches: false },
    { name: 'false does not match null', pattern: [false], value: null, matches: false },
    { name: 'null matches null', pattern: [null], value: null, matches: true },
    { name: 'null does not match a missing field', pattern: [null], value: undefined, matches: false },
    { name: 'null does not match ""', pattern: [null], value: '', matches: false },
    { name: '"" matches ""', pattern: [''], value: '', matches: true },
    { name: '"" does not match null', pattern: [''], value: null, matches: false },
    {
      name: 'an IP matches another spelling of it',
      pattern: ['::1'],
      value: '0:0:0:0:0:0:0:1',
      matches: true,
    },
    { name: 'an IP does not match a neighbour', pattern: ['10.0.0.1'], value: '10.0.0.2', matches: false },
    {
      name: 'a large integer (account id) matches exactly',
      pattern: [123456789012],
      value: 123456789012,
      matches: true,
    },
  ])('$name', ({ pattern, value, matches }) => {
    expect(matchesPattern({ detail: { field: pattern } }, withDetail({ field: value }))).toBe(matches);
  });
});

describe('event pattern: arrays and nesting', () => {
  it.each([
    {
      name: 'an event array matches if any element does',
      value: ['a', 'b', 'c'],
      pattern: ['c'],
      matches: true,
    },
    { name: 'no element matches', value: ['a', 'b'], pattern: ['c', 'd'], matches: false },
    { name: 'nested arrays are flattened', value: [['a'], [['b']]], pattern: ['b'], matches: true },
    { name: 'an empty array has no values', value: [], pattern: ['a'], matches: false },
    { name: 'numbers inside an array', value: [1, 2, 3], pattern: [{ numeric: ['>', 2] }], matches: true },
  ])('$name', ({ value, pattern, matches }) => {
    expect(matchesPattern({ detail: { list: pattern } }, withDetail({ list: value }))).toBe(matches);
  });

  it('matches the resources array of the guide example', () => {
    const pattern = { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'] };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
  });

  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it.each([
    { name: 'a field of one element', pattern: { employees: { firstName: ['Anna'] } }, matches: true },
    {
      name: 'two fields of the same element',
      pattern: { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
      matches: true,
    },
    {
      name: 'two fields from different elements (array consistency)',
      pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
      matches: false,
    },
  ])('objects in arrays: $name → $matches', ({ pattern, matches }) => {
    expect(matchesPattern(pattern, employees)).toBe(matches);
  });

  it('matches objects inside nested arrays', () => {
    const event = { employees: [[{ firstName: 'John' }], [{ firstName: 'Peter', lastName: 'Jones' }]] };
    expect(matchesPattern({ employees: { lastName: ['Jones'] } }, event)).toBe(true);
  });

  it('matches deeply nested objects', () => {
    const event = withDetail({ object: { key: 'a/b.png', owner: { id: 'x' } } });
    expect(matchesPattern({ detail: { object: { owner: { id: ['x'] } } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { owner: { id: ['y'] } } } }, event)).toBe(false);
  });

  it('applies to any JSON, such as a DynamoDB stream record', () => {
    const record = { eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'OUTBOX' } } } };
    const filter = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } };
    expect(matchesPattern(filter, record)).toBe(true);
    expect(matchesPattern(filter, { ...record, eventName: 'MODIFY' })).toBe(false);
  });

  it('takes the outbox relay’s filter: inserted outbox items, or inserted items carrying events', () => {
    const { filter } = systemContext.pipes.outbox;
    const insert = (image: Record<string, unknown>, eventName = 'INSERT') => ({
      eventName,
      dynamodb: { NewImage: image },
    });
    expect(matchesPattern(filter, insert({ entity: { S: 'OUTBOX' } }))).toBe(true);
    expect(matchesPattern(filter, insert({ entity: { S: 'CART' }, outboxEvents: { B: 'AQID' } }))).toBe(true);
    expect(matchesPattern(filter, insert({ entity: { S: 'CART' } }))).toBe(false);
    expect(
      matchesPattern(filter, insert({ entity: { S: 'CART' }, outboxEvents: { B: 'AQID' } }, 'MODIFY')),
    ).toBe(false);
  });
});
