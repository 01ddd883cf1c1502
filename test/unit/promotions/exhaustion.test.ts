import { describe, expect, it } from 'vitest';
import { crossingsOf, type UsageImage } from '#contexts/pricing/data/promotion-exhaustion.ts';

const usage = (promotionId: string, used: number, usageLimit?: number): UsageImage => ({
  promotionId: { S: promotionId },
  used: { N: String(used) },
  ...(usageLimit === undefined ? {} : { usageLimit: { N: String(usageLimit) } }),
  code: { S: 'TEN' },
});

describe('crossingsOf', () => {
  it('keeps the last counter of each promotion and whether the batch started exhausted', () => {
    const crossings = crossingsOf([
      { oldImage: usage('p-1', 3, 3), newImage: usage('p-1', 2, 3) },
      { oldImage: usage('p-1', 2, 3), newImage: usage('p-1', 1, 3) },
      { oldImage: undefined, newImage: usage('p-2', 1, 5) },
    ]);
    expect(crossings).toEqual([
      { latest: { promotionId: 'p-1', used: 1, usageLimit: 3, code: 'TEN' }, wasExhausted: true },
      { latest: { promotionId: 'p-2', used: 1, usageLimit: 5, code: 'TEN' }, wasExhausted: false },
    ]);
  });

  it('reads a counter without a limit as never exhausted, and skips images without a promotion', () => {
    const crossings = crossingsOf([
      { oldImage: usage('p-3', 10), newImage: usage('p-3', 11) },
      { oldImage: undefined, newImage: { used: { N: '1' } } },
      { oldImage: usage('p-4', 1, 1), newImage: undefined },
    ]);
    expect(crossings).toEqual([
      { latest: { promotionId: 'p-3', used: 11, usageLimit: undefined, code: 'TEN' }, wasExhausted: false },
    ]);
  });
});
