import { describe, expect, it } from 'vitest';
import { applyPatch, newPromotion } from '#contexts/pricing/domain/promotion-rules.ts';
import { AppError } from '#platform/errors/index.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const current = newPromotion(
  'p-1',
  {
    name: 'Ten off',
    type: 'percentage',
    percentBps: 1000,
    combinable: true,
    code: 'TEN',
    usageLimit: 5,
  },
  new Date('2026-01-01T00:00:00.000Z'),
);

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.statusCode} ${error.code}` : 'other';
  }
  return 'none';
};

describe('promotion rules', () => {
  it('merges a patch, removes null fields and bumps the version', () => {
    const next = applyPatch(current, { version: 1, percentBps: 1500, usageLimit: null }, NOW);
    expect(next).toMatchObject({ percentBps: 1500, version: 2, updatedAt: NOW.toISOString(), code: 'TEN' });
    expect(next).not.toHaveProperty('usageLimit');
    expect(next.createdAt).toBe(current.createdAt);
  });

  it.each([
    [{ version: 1, type: 'fixed_amount' }, '422 promotion_type_immutable'],
    [{ version: 1, code: 'OTHER' }, '422 promotion_code_immutable'],
    [{ version: 1, code: null }, '422 promotion_code_immutable'],
    [{ version: 1, amounts: { EUR: 100 } }, '400 validation_failed'],
    [
      { version: 1, startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' },
      '400 promotion_window_invalid',
    ],
    [{ version: 1, type: 'percentage', code: 'TEN' }, 'none'],
  ])('answers %j with %s', (patch, expected) => {
    expect(codeOf(() => applyPatch(current, patch, NOW))).toBe(expected);
  });

  it('refuses a new promotion that ends when it starts', () => {
    const input = {
      name: 'x',
      type: 'free_shipping' as const,
      combinable: false,
      startsAt: '2026-05-01T00:00:00Z',
      endsAt: '2026-05-01T00:00:00Z',
    };
    expect(codeOf(() => newPromotion('p', input, NOW))).toBe('400 promotion_window_invalid');
  });
});
