import { describe, expect, it } from 'vitest';
import {
  allShipped,
  fulfillmentIdFor,
  fulfillmentStatusOf,
  overFulfilled,
  unitsBy,
} from '#contexts/fulfillment/domain/quantities.ts';
import { fulfillmentRequest, shipmentRequest } from '#contexts/fulfillment/domain/schemas.ts';

const ordered = [
  { id: 'l1', quantity: 2 },
  { id: 'l2', quantity: 1 },
];
type Status = 'open' | 'shipped' | 'delivered' | 'canceled';
const f = (status: Status, ...lines: [string, number][]) => ({
  status,
  lines: lines.map(([lineId, quantity]) => ({ lineId, quantity })),
});

describe('fulfillment quantities', () => {
  it('counts units per line in the statuses asked', () => {
    const units = unitsBy(
      [f('open', ['l1', 1]), f('shipped', ['l1', 1], ['l2', 1]), f('canceled', ['l1', 2])],
      ['open', 'shipped'],
    );
    expect(Object.fromEntries(units)).toEqual({ l1: 2, l2: 1 });
  });

  it('refuses more units than bought and not in a fulfillment that is not canceled, and unknown lines', () => {
    expect(overFulfilled(ordered, [f('open', ['l1', 1])], [{ lineId: 'l1', quantity: 1 }])).toBeUndefined();
    expect(overFulfilled(ordered, [f('open', ['l1', 1])], [{ lineId: 'l1', quantity: 2 }])).toMatch(
      /1 of 2 left/,
    );
    expect(
      overFulfilled(ordered, [f('canceled', ['l1', 2])], [{ lineId: 'l1', quantity: 2 }]),
    ).toBeUndefined();
    expect(overFulfilled(ordered, [], [{ lineId: 'nope', quantity: 1 }])).toMatch(/no line nope/);
  });

  it('says where the goods are', () => {
    expect(fulfillmentStatusOf(ordered, [])).toBe('unfulfilled');
    expect(fulfillmentStatusOf(ordered, [f('canceled', ['l1', 2], ['l2', 1])])).toBe('unfulfilled');
    expect(fulfillmentStatusOf(ordered, [f('open', ['l1', 1])])).toBe('partially_fulfilled');
    expect(fulfillmentStatusOf(ordered, [f('shipped', ['l1', 2]), f('open', ['l2', 1])])).toBe('fulfilled');
    expect(fulfillmentStatusOf(ordered, [f('shipped', ['l1', 2]), f('delivered', ['l2', 1])])).toBe(
      'shipped',
    );
    expect(fulfillmentStatusOf(ordered, [f('delivered', ['l1', 2], ['l2', 1])])).toBe('delivered');
    expect(allShipped(ordered, [f('shipped', ['l1', 2]), f('open', ['l2', 1])])).toBe(false);
    expect(allShipped(ordered, [f('shipped', ['l1', 2]), f('delivered', ['l2', 1])])).toBe(true);
  });

  it('names the same fulfillment for the same order and key', () => {
    expect(fulfillmentIdFor('o1', 'key-aaaaaaaa')).toBe(fulfillmentIdFor('o1', 'key-aaaaaaaa'));
    expect(fulfillmentIdFor('o1', 'key-aaaaaaaa')).not.toBe(fulfillmentIdFor('o1', 'key-bbbbbbbb'));
  });
});

describe('fulfillment requests', () => {
  it('refuses a line named twice, no line, and a tracking URL that is not https', () => {
    expect(fulfillmentRequest.safeParse({ locationId: 'w', lines: [] }).success).toBe(false);
    expect(
      fulfillmentRequest.safeParse({
        locationId: 'w',
        lines: [
          { lineId: 'l1', quantity: 1 },
          { lineId: 'l1', quantity: 1 },
        ],
      }).success,
    ).toBe(false);
    expect(
      shipmentRequest.safeParse({ carrier: 'DHL', trackingNumber: '1', trackingUrl: 'http://x.example' })
        .success,
    ).toBe(false);
    expect(
      shipmentRequest.safeParse({ carrier: 'DHL', trackingNumber: '1', trackingUrl: 'https://x.example/t' })
        .success,
    ).toBe(true);
  });
});
