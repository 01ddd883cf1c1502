import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProductRepository } from '#contexts/catalog/data/product-repository.ts';
import { ValidationError } from '#platform/errors/index.ts';
import { demoCatalog } from '../../../scripts/seed/demo-catalog.ts';
import { seedProductItems, writeCatalog } from '../../../scripts/seed/write.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

describe('ProductRepository', () => {
  const catalog = demoCatalog();
  let table: string;
  let products: ProductRepository;

  beforeAll(async () => {
    const client = useLocalDynamo();
    table = await createTestTable();
    await writeCatalog(client, table, catalog);
    // One draft product: it must never appear in the active listing.
    const draft = { ...catalog[0]!, id: 'draft-1', slug: 'draft-1', status: 'draft' as const };
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [table]: seedProductItems(draft).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    products = new ProductRepository(table, 'secret');
  });

  it('reads a product with all its variants and prices', async () => {
    const expected = catalog[3]!;
    const product = await products.get(expected.id);
    expect(product).toMatchObject({
      id: expected.id,
      slug: expected.slug,
      description: expected.description,
    });
    expect(product?.variants).toHaveLength(expected.variants.length);
    expect(product?.variants.map((v) => v.sku).sort()).toEqual(expected.variants.map((v) => v.sku).sort());
    expect(product).not.toHaveProperty('pk');
  });

  it('reads a product by its slug with all its variants, not its listing entries', async () => {
    const expected = catalog[5]!;
    const product = await products.getBySlug(expected.slug);
    expect(product?.id).toBe(expected.id);
    expect(product?.variants).toHaveLength(expected.variants.length);
    expect(await products.getBySlug('no-such-slug')).toBeUndefined();
  });

  it('returns undefined for a product that does not exist', async () => {
    expect(await products.get('missing')).toBeUndefined();
  });

  it('pages through every active product newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await products.listByStatus('active', 7, cursor);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(catalog.length);
    expect(new Set(seen).size).toBe(catalog.length);
    expect(seen).not.toContain('draft-1');
    expect(pages).toBe(Math.ceil(catalog.length / 7) + (catalog.length % 7 === 0 ? 1 : 0));
    const created = seen.map((id) => catalog.find((p) => p.id === id)!.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('lists drafts in their own partition', async () => {
    const page = await products.listByStatus('draft', 10);
    expect(page.items.map((p) => p.id)).toEqual(['draft-1']);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor from another listing', async () => {
    const { nextCursor } = await products.listByStatus('active', 2);
    await expect(products.listByStatus('draft', 2, nextCursor!)).rejects.toBeInstanceOf(ValidationError);
  });
});
