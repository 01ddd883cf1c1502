import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_PATTERN, matchesEventType } from '#contexts/webhooks/domain/patterns.ts';

describe('matchesEventType', () => {
  it.each([
    [['OrderPlaced'], 'OrderPlaced', true],
    [['OrderPlaced'], 'OrderPlacedAgain', false],
    [['OrderPlaced'], 'OrderCanceled', false],
    [['Order*'], 'OrderPlaced', true],
    [['Order*'], 'OrderCanceled', true],
    [['Order*'], 'CheckoutStarted', false],
    [['*'], 'AnythingAtAll', true],
    [['RefundIssued', 'Shipment*'], 'ShipmentCreated', true],
    [['RefundIssued', 'Shipment*'], 'RefundFailed', false],
  ])('%j takes %s: %s', (patterns, detailType, expected) => {
    expect(matchesEventType(patterns, detailType)).toBe(expected);
  });
});

describe('EVENT_TYPE_PATTERN', () => {
  it.each(['OrderPlaced', 'Order*', '*', 'A1*'])('accepts %s', (p) => {
    expect(EVENT_TYPE_PATTERN.test(p)).toBe(true);
  });

  it.each(['', 'orderPlaced', 'Order*Placed', '**', 'Order.*', '*Placed', `A${'b'.repeat(64)}`])(
    'refuses %j',
    (p) => {
      expect(EVENT_TYPE_PATTERN.test(p)).toBe(false);
    },
  );
});
