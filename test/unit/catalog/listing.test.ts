import { describe, expect, it } from 'vitest';
import { listingEntries, optionValuesOf } from '#contexts/catalog/data/listing.ts';
import { listingWrites } from '#contexts/catalog/data/listing-projector.ts';
import { planListing } from '#contexts/catalog/data/listing-repository.ts';
import { buildTree, wouldCycle } from '#contexts/catalog/domain/category-tree.ts';
import { MAX_TOKENS, productTokens, tokenize } from '#contexts/catalog/domain/tokens.ts';
import { listProductsQuery } from '#contexts/catalog/operations/store-queries.ts';
import { demoCatalog } from '../../../scripts/seed/demo-catalog.ts';

const product = demoCatalog()[0]!;

describe('tokens', () => {
  it('lower-cases, strips accents and punctuation, drops stop words and repeats', () => {
    expect(tokenize('The Crème-Brûlée Set, and THE set!')).toEqual(['creme', 'brulee', 'set']);
  });

  it('caps a product at MAX_TOKENS, title words first', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const tokens = productTokens('Linen Shirt', many);
    expect(tokens).toHaveLength(MAX_TOKENS);
    expect(tokens.slice(0, 2)).toEqual(['linen', 'shirt']);
  });
});

describe('listing entries', () => {
  it('lists an active product under all, each category and each token, per currency', () => {
    const entries = listingEntries(product);
    const names = new Set(entries.map((e) => e.listing));
    expect(names).toContain('all');
    expect(names).toContain('cat:apparel');
    expect(names).toContain('tok:merino');
    expect(entries.every((e) => e.currency === 'EUR' || e.currency === 'USD')).toBe(true);
    expect(entries.find((e) => e.currency === 'USD')?.gsi2sk).toBe(
      `${String(product.priceFrom.USD).padStart(12, '0')}#${product.id}`,
    );
    expect(optionValuesOf(product)).toContain('size=XL');
  });

  it('lists nothing for a draft or archived product', () => {
    expect(listingEntries({ ...product, status: 'draft' })).toEqual([]);
    expect(listingEntries({ ...product, status: 'archived' })).toEqual([]);
  });

  it('writes only what changed and deletes stale entries', () => {
    const wanted = listingEntries(product);
    expect(listingWrites(wanted, wanted)).toEqual([]);
    const renamed = listingEntries({ ...product, title: 'Merino Tee', categoryIds: ['apparel'] });
    const writes = listingWrites(wanted, renamed);
    expect(writes.filter((w) => 'DeleteRequest' in w).length).toBeGreaterThan(0);
    expect(writes.filter((w) => 'PutRequest' in w)).toHaveLength(renamed.length);
  });
});

describe('planListing', () => {
  it('reads the longest search word’s listing and filters by the rest', () => {
    const plan = planListing(
      listProductsQuery.parse({ q: 'wool beanie', category: 'apparel', option: 'colour=navy' }),
    );
    expect(plan.partition).toBe('LIST#tok:beanie#EUR');
    expect(plan.filters.map((f) => f.expression)).toEqual([
      'contains(tokens, :t0)',
      'contains(categoryIds, :cat)',
      'contains(optionValues, :o0)',
    ]);
  });

  it('reads a category listing without search, in the asked currency', () => {
    expect(planListing(listProductsQuery.parse({ category: 'home', currency: 'USD' })).partition).toBe(
      'LIST#cat:home#USD',
    );
  });
});

describe('category tree', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const cat = (id: string, parentId: string | null) => ({
    id,
    name: id,
    parentId,
    position: 0,
    productCount: 0,
    childCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  const flat = [cat('a', null), cat('b', 'a'), cat('c', 'b')];

  it('nests children under parents', () => {
    expect(buildTree(flat)).toEqual([
      {
        id: 'a',
        name: 'a',
        position: 0,
        children: [
          { id: 'b', name: 'b', position: 0, children: [{ id: 'c', name: 'c', position: 0, children: [] }] },
        ],
      },
    ]);
  });

  it('detects a move under a descendant', () => {
    expect(wouldCycle(flat, 'a', 'c')).toBe(true);
    expect(wouldCycle(flat, 'c', 'a')).toBe(false);
    expect(wouldCycle(flat, 'a', null)).toBe(false);
  });
});
