import { describe, expect, it } from 'vitest';
import { Entity, promotionKeys } from '#contexts/pricing/data/keys.ts';
import {
  codeItem,
  promotionFromItem,
  promotionIdFromCodeItem,
  promotionItem,
  storedPromotionFromItem,
  usageFromItems,
} from '#contexts/pricing/data/promotion-items.ts';
import type { StoredPromotion } from '#contexts/pricing/domain/promotion-inputs.ts';

const stored = (overrides: Partial<StoredPromotion> = {}): StoredPromotion =>
  ({
    id: 'promo-1',
    name: 'Ten off',
    type: 'percentage',
    percentBps: 1000,
    combinable: true,
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  }) as StoredPromotion;

describe('promotion items', () => {
  it('puts an automatic promotion in the admin list (gsi1) and the automatic partition (gsi2)', () => {
    const item = promotionItem(stored());
    expect(item).toMatchObject({
      ...promotionKeys.promotion('promo-1'),
      ...promotionKeys.list('2026-01-01T00:00:00.000Z', 'promo-1'),
      ...promotionKeys.automatic('promo-1'),
      entity: Entity.promotion,
    });
  });

  it('keeps a code promotion out of the automatic partition', () => {
    const item = promotionItem(stored({ code: 'SUMMER10' }));
    expect(item.gsi1pk).toBe(promotionKeys.listPartition);
    expect(item).not.toHaveProperty('gsi2pk');
    expect(item).not.toHaveProperty('gsi2sk');
  });

  it('reads back the stored promotion, and the engine promotion without version or timestamps', () => {
    const original = stored({ code: 'SUMMER10', usageLimit: 100 });
    const item = promotionItem(original);
    expect(storedPromotionFromItem(item)).toEqual(original);
    const { version: _v, createdAt: _c, updatedAt: _u, ...engine } = original;
    expect(promotionFromItem(item)).toEqual(engine);
  });

  it('rejects an item that is not a valid promotion', () => {
    expect(() => promotionFromItem({ ...promotionItem(stored()), percentBps: 0 })).toThrow();
  });

  it('resolves a code item to its promotion id', () => {
    const item = codeItem('SUMMER10', 'promo-1');
    expect(item).toMatchObject({ ...promotionKeys.code('SUMMER10'), entity: Entity.promotionCode });
    expect(promotionIdFromCodeItem(item)).toBe('promo-1');
    expect(promotionIdFromCodeItem(undefined)).toBeUndefined();
  });

  it.each([
    [undefined, undefined, { total: 0, customer: 0 }],
    [{ used: 7 }, undefined, { total: 7, customer: 0 }],
    [{ used: 7 }, { used: 2 }, { total: 7, customer: 2 }],
    [{}, { used: 1 }, { total: 0, customer: 1 }],
  ])('reads usage %j / %j as %j', (usage, customer, expected) => {
    expect(usageFromItems(usage, customer)).toEqual(expected);
  });
});
