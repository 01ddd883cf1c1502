import { describe, expect, it } from 'vitest';
import { refusalOf, refusalSchema } from '#contexts/checkout/workflow/inputs.ts';
import { MAX_SHORT_ERRORS, OutOfStockError } from '#contexts/inventory/domain/errors.ts';
import { ValidationError } from '#platform/errors/index.ts';

const shortLines = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    variantId: `0000${String(i).padStart(4, '0')}-1111-4222-8333-444455556666`,
    requested: 2,
    available: 1,
  }));

describe('OutOfStockError', () => {
  it('names a few variants in its detail and counts the rest', () => {
    const error = new OutOfStockError(shortLines(60));
    expect(error.message).toMatch(
      /^Not enough stock for 00000000-[^,]+, (?:[^,]+, ){3}[^,]+ and 55 more; nothing was reserved$/,
    );
    expect(error.errors).toHaveLength(60);
    expect(error.errors?.[59]).toEqual({
      path: 'lines.00000059-1111-4222-8333-444455556666',
      message: 'requested 2, available 1',
    });
  });

  it('names every variant when there are few', () => {
    expect(new OutOfStockError(shortLines(2)).message).toBe(
      'Not enough stock for 00000000-1111-4222-8333-444455556666, 00000001-1111-4222-8333-444455556666; nothing was reserved',
    );
  });

  it('bounds its errors however many lines are short', () => {
    const error = new OutOfStockError(shortLines(MAX_SHORT_ERRORS + 50));
    expect(error.errors).toHaveLength(MAX_SHORT_ERRORS);
    expect(error.short).toHaveLength(MAX_SHORT_ERRORS + 50);
  });

  it.each([55, 60, 90, 500])('stays a refusal the checkout workflow can carry with %i short lines', (n) => {
    const { refusal } = refusalOf(new OutOfStockError(shortLines(n)));
    expect(refusalSchema.safeParse(refusal).success).toBe(true);
    expect(refusal).toMatchObject({ status: 409, code: 'out_of_stock' });
  });
});

describe('refusalOf', () => {
  it('clips a refusal too long to carry instead of failing the step', () => {
    const errors = Array.from({ length: 300 }, (_, i) => ({ path: `field${i}`, message: 'x'.repeat(600) }));
    const { refusal } = refusalOf(new ValidationError('y'.repeat(5000), errors));
    expect(refusal.detail).toHaveLength(2000);
    expect(refusal.errors).toHaveLength(100);
    expect(refusal.errors?.[0]?.message).toHaveLength(500);
    expect(refusalSchema.safeParse(refusal).success).toBe(true);
  });
});
