import { describe, expect, it } from 'vitest';
import { productSchema } from '#contexts/catalog/domain/schemas.ts';
import { demoCatalog } from '../../../scripts/seed/demo-catalog.ts';

describe('demo catalog', () => {
  const catalog = demoCatalog();

  it('has at least 50 products in several categories', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(50);
    expect(new Set(catalog.flatMap((p) => p.categoryIds)).size).toBeGreaterThanOrEqual(4);
  });

  it('holds only valid products whose prices are integer minor units in EUR and USD', () => {
    for (const product of catalog) {
      expect(() => productSchema.parse(product)).not.toThrow();
      for (const v of product.variants) {
        expect(Number.isInteger(v.prices.EUR)).toBe(true);
        expect(Number.isInteger(v.prices.USD)).toBe(true);
      }
    }
  });

  it('gives every variant a unique SKU and every product a unique slug and id', () => {
    const skus = catalog.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(catalog.map((p) => p.slug)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
  });

  it('shows as "price from" the cheapest variant in each currency', () => {
    for (const p of catalog) {
      expect(p.priceFrom.EUR).toBe(
        Math.min(...p.variants.map((v) => v.prices.EUR ?? Number.POSITIVE_INFINITY)),
      );
    }
  });

  it('is the same every time (reseeding overwrites instead of duplicating)', () => {
    expect(demoCatalog()).toEqual(catalog);
  });
});
