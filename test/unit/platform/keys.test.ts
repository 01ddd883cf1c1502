import { describe, expect, it } from 'vitest';
import { productKeys, productsByStatus } from '#contexts/catalog/data/keys.ts';
import { outboxKeys, processedEventKeys, taskTokenKeys } from '#platform/data/keys.ts';

describe('keys', () => {
  it('puts a product and its variants in one item collection', () => {
    expect(productKeys.product('p1').pk).toBe(productKeys.variant('p1', 'v1').pk);
    expect(productKeys.collection('p1')).toEqual({ pk: productKeys.product('p1').pk });
    expect(productKeys.variant('p1', 'v1').sk.startsWith(productKeys.variantPrefix)).toBe(true);
  });

  it('sorts products of a status by creation time, then id', () => {
    const older = productsByStatus.item('active', '2026-01-01T00:00:00.000Z', 'b');
    const newer = productsByStatus.item('active', '2026-01-02T00:00:00.000Z', 'a');
    expect(older.gsi1pk).toBe(productsByStatus.partition('active').gsi1pk);
    expect(older.gsi1sk < newer.gsi1sk).toBe(true);
  });

  it('keeps each status in its own listing partition', () => {
    expect(productsByStatus.partition('active').gsi1pk).not.toBe(productsByStatus.partition('draft').gsi1pk);
  });

  it('never lets two entity types share a partition prefix', () => {
    const partitions = [
      productKeys.product('x').pk,
      outboxKeys('x').pk,
      processedEventKeys('c', 'x').pk,
      taskTokenKeys('x').pk,
    ].map((pk) => pk.split('#')[0]);
    expect(new Set(partitions).size).toBe(partitions.length);
  });
});
