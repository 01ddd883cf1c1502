import { describe, expect, it } from 'vitest';
import {
  lineRefund,
  notReturnable,
  receiveRequest,
  returnedUnits,
  returnIdFor,
} from '#contexts/fulfillment/domain/returns.ts';

const shipped = (
  lineId: string,
  quantity: number,
  status: 'open' | 'shipped' | 'delivered' | 'canceled' = 'shipped',
) => ({
  status,
  lines: [{ lineId, quantity }],
});
const ret = (
  lineId: string,
  quantity: number,
  status: 'requested' | 'received' | 'canceled' = 'requested',
) => ({
  status,
  lines: [{ lineId, quantity, reason: 'damaged' as const, condition: null, locationId: null }],
});

describe('returns', () => {
  it('returns only shipped units not returned already (canceled returns give them back)', () => {
    const fulfilled = [shipped('l1', 2), shipped('l2', 1, 'open'), shipped('l3', 1, 'delivered')];
    expect(notReturnable(fulfilled, [], [{ lineId: 'l1', quantity: 2 }])).toBeUndefined();
    expect(notReturnable(fulfilled, [], [{ lineId: 'l2', quantity: 1 }])).toMatch(/0 shipped/);
    expect(notReturnable(fulfilled, [], [{ lineId: 'l3', quantity: 1 }])).toBeUndefined();
    expect(notReturnable(fulfilled, [ret('l1', 1)], [{ lineId: 'l1', quantity: 2 }])).toMatch(
      /1 shipped and not returned/,
    );
    expect(
      notReturnable(fulfilled, [ret('l1', 2, 'canceled')], [{ lineId: 'l1', quantity: 2 }]),
    ).toBeUndefined();
    expect(Object.fromEntries(returnedUnits([ret('l1', 1, 'received'), ret('l1', 1)]))).toEqual({ l1: 2 });
  });

  it('refunds a line pro rata, its parts never adding up to more than its total', () => {
    const line = { total: 1001, quantity: 3 };
    const parts = [lineRefund(line, 0, 1), lineRefund(line, 1, 1), lineRefund(line, 2, 1)];
    expect(parts.reduce((a, b) => a + b)).toBe(1001);
    expect(lineRefund(line, 0, 3)).toBe(1001);
    expect(lineRefund({ total: 1000, quantity: 2 }, 0, 1)).toBe(500);
  });

  it('names the same return for the same order and key; a restocked line needs its location', () => {
    expect(returnIdFor('o', 'key-aaaaaaaa')).toBe(returnIdFor('o', 'key-aaaaaaaa'));
    expect(returnIdFor('o', 'key-aaaaaaaa')).not.toBe(returnIdFor('o', 'key-bbbbbbbb'));
    expect(receiveRequest.safeParse({ lines: [{ lineId: 'l1', condition: 'restock' }] }).success).toBe(false);
    expect(receiveRequest.parse({ lines: [{ lineId: 'l1', condition: 'discard' }] }).refundShipping).toBe(
      false,
    );
  });
});
