import {
  type EventBridgeClient,
  EventBridgeServiceException,
  InvalidEventPatternException,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEventBridge, start } from '#local/eventbridge/index.ts';
import { eventBridgeClient } from './client.ts';

const event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'OrderPlaced',
  source: 'commerce.orders',
  account: '000000000000',
  time: '2026-02-03T10:11:12Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-1'],
  detail: {
    orderId: 'ord_123',
    status: 'paid',
    channel: 'Web',
    total: 4999,
    currency: 'EUR',
    file: 'receipts/2026/ord_123.PDF',
    clientIp: '203.0.113.7',
    coupon: null,
    note: '',
    tags: ['gift', 'express'],
    lines: [
      { sku: 'SKU-1', qty: 2 },
      { sku: 'SKU-2', qty: 1 },
    ],
  },
};

let bus: LocalEventBridge;
let client: EventBridgeClient;

beforeAll(async () => {
  bus = await start({ busName: 'commerce-test', region: 'us-east-1', accountId: '000000000000', rules: [] });
  client = eventBridgeClient(bus.url);
});

afterAll(async () => {
  client.destroy();
  await bus.stop();
});

const test = async (detail: Record<string, unknown>) => {
  const pattern = JSON.stringify({ source: ['commerce.orders'], detail });
  const output = await client.send(
    new TestEventPatternCommand({ EventPattern: pattern, Event: JSON.stringify(event) }),
  );
  return output.Result;
};

describe('TestEventPattern through the AWS SDK', () => {
  it.each([
    { operator: 'exact string', yes: { status: ['paid'] }, no: { status: ['failed'] } },
    { operator: 'exact number', yes: { total: [4999.0] }, no: { total: [5000] } },
    { operator: 'null', yes: { coupon: [null] }, no: { note: [null] } },
    { operator: 'empty string', yes: { note: [''] }, no: { coupon: [''] } },
    { operator: 'array element', yes: { tags: ['express'] }, no: { tags: ['fragile'] } },
    {
      operator: 'object in an array',
      yes: { lines: { sku: ['SKU-2'], qty: [1] } },
      no: { lines: { sku: ['SKU-2'], qty: [2] } },
    },
    { operator: 'prefix', yes: { orderId: [{ prefix: 'ord_' }] }, no: { orderId: [{ prefix: 'cart_' }] } },
    {
      operator: 'prefix ignoring case',
      yes: { file: [{ prefix: { 'equals-ignore-case': 'RECEIPTS/' } }] },
      no: { file: [{ prefix: { 'equals-ignore-case': 'invoices/' } }] },
    },
    { operator: 'suffix', yes: { file: [{ suffix: '.PDF' }] }, no: { file: [{ suffix: '.pdf' }] } },
    {
      operator: 'suffix ignoring case',
      yes: { file: [{ suffix: { 'equals-ignore-case': '.pdf' } }] },
      no: { file: [{ suffix: { 'equals-ignore-case': '.png' } }] },
    },
    {
      operator: 'equals-ignore-case',
      yes: { channel: [{ 'equals-ignore-case': 'WEB' }] },
      no: { channel: [{ 'equals-ignore-case': 'kiosk' }] },
    },
    {
      operator: 'anything-but value',
      yes: { status: [{ 'anything-but': 'failed' }] },
      no: { status: [{ 'anything-but': 'paid' }] },
    },
    {
      operator: 'anything-but list',
      yes: { total: [{ 'anything-but': [1, 2] }] },
      no: { total: [{ 'anything-but': [4999, 1] }] },
    },
    {
      operator: 'anything-but prefix',
      yes: { orderId: [{ 'anything-but': { prefix: 'cart_' } }] },
      no: { orderId: [{ 'anything-but': { prefix: 'ord_' } }] },
    },
    {
      operator: 'anything-but suffix',
      yes: { file: [{ 'anything-but': { suffix: '.png' } }] },
      no: { file: [{ 'anything-but': { suffix: '.PDF' } }] },
    },
    {
      operator: 'anything-but ignoring case',
      yes: { channel: [{ 'anything-but': { 'equals-ignore-case': ['kiosk'] } }] },
      no: { channel: [{ 'anything-but': { 'equals-ignore-case': 'web' } }] },
    },
    {
      operator: 'anything-but wildcard',
      yes: { file: [{ 'anything-but': { wildcard: 'invoices/*' } }] },
      no: { file: [{ 'anything-but': { wildcard: ['x', 'receipts/*'] } }] },
    },
    {
      operator: 'numeric range',
      yes: { total: [{ numeric: ['>', 1000, '<=', 4999] }] },
      no: { total: [{ numeric: ['<', 4999] }] },
    },
    {
      operator: 'numeric equals',
      yes: { total: [{ numeric: ['=', 4999] }] },
      no: { total: [{ numeric: ['=', 4998] }] },
    },
    { operator: 'exists', yes: { orderId: [{ exists: true }] }, no: { refundId: [{ exists: true }] } },
    {
      operator: 'exists false',
      yes: { refundId: [{ exists: false }] },
      no: { orderId: [{ exists: false }] },
    },
    {
      operator: 'wildcard',
      yes: { file: [{ wildcard: 'receipts/*/ord_*.PDF' }] },
      no: { file: [{ wildcard: 'receipts/*.png' }] },
    },
    {
      operator: 'cidr',
      yes: { clientIp: [{ cidr: '203.0.113.0/24' }] },
      no: { clientIp: [{ cidr: '198.51.100.0/24' }] },
    },
    {
      operator: '$or',
      yes: { $or: [{ status: ['failed'] }, { channel: ['Web'] }] },
      no: { $or: [{ status: ['failed'] }, { channel: ['App'] }] },
    },
  ])('$operator: answers true when it holds and false when not', async ({ yes, no }) => {
    expect(await test(yes)).toBe(true);
    expect(await test(no)).toBe(false);
  });

  it('raises InvalidEventPatternException for a malformed pattern', async () => {
    const error = await client
      .send(
        new TestEventPatternCommand({
          EventPattern: '{"source":"commerce.orders"}',
          Event: JSON.stringify(event),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect(error).toMatchObject({
      message: 'Event pattern is not valid. Reason: "source" must be an object or an array (at source)',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('raises ValidationException for an event without the mandatory envelope fields', async () => {
    const error = await client
      .send(
        new TestEventPatternCommand({
          EventPattern: '{"source":["x"]}',
          Event: JSON.stringify({ detail: {} }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventBridgeServiceException);
    expect(error).toMatchObject({ name: 'ValidationException', message: 'Parameter Event is not valid.' });
  });
});
