import { describe, expect, it } from 'vitest';
import { assertUnitsWithinLimit, MAX_UNITS_PER_VARIANT } from '#contexts/checkout/domain/hold-limits.ts';
import { pendingOrderAddItems, pendingOrderRemoveItems } from '#contexts/orders/data/pending-orders.ts';
import { sampleOrder } from '../../support/orders.ts';

describe('hold limits', () => {
  it('accepts lines up to the units limit and refuses one above it with too_many_units', () => {
    expect(() =>
      assertUnitsWithinLimit([{ variantId: 'v1', quantity: MAX_UNITS_PER_VARIANT }]),
    ).not.toThrow();
    expect(() =>
      assertUnitsWithinLimit([
        { variantId: 'v1', quantity: 1 },
        { variantId: 'v2', quantity: MAX_UNITS_PER_VARIANT + 1 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'too_many_units',
        statusCode: 422,
        message: expect.stringContaining('v2'),
      }),
    );
  });

  it('counts an e-mail the same whatever its case, and an order without one not at all', () => {
    const order = sampleOrder({ status: 'pending_payment' });
    const key = (email: string) => pendingOrderAddItems('t', { ...order, email }, 3)[0]?.Update?.Key;
    expect(key(' Ada@Example.com')).toEqual(key('ada@example.com'));
    expect(key('ada@example.com')).not.toEqual(key('bob@example.com'));
    expect(JSON.stringify(key('ada@example.com'))).not.toContain('ada');
    expect(pendingOrderAddItems('t', { ...order, email: null }, 3)).toEqual([]);
    expect(pendingOrderRemoveItems('t', { ...order, email: null })).toEqual([]);
    expect(pendingOrderRemoveItems('t', { ...order, email: 'ada@example.com' })[0]?.Update?.Key).toEqual(
      key('ada@example.com'),
    );
  });
});
