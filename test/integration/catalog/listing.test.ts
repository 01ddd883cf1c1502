import { beforeAll, describe, expect, it } from 'vitest';
import { projectListing } from '#contexts/catalog/data/listing-projector.ts';
import { ListingRepository } from '#contexts/catalog/data/listing-repository.ts';
import { newId, ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { createProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { archiveProduct, createProduct, publishProduct } from '#contexts/catalog/domain/product-rules.ts';
import { type ListProductsQuery, listProductsQuery } from '#contexts/catalog/operations/store-queries.ts';
import { demoCatalog, demoCategories } from '../../../scripts/seed/demo-catalog.ts';
import { writeCatalog } from '../../../scripts/seed/write.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const q = (params: Record<string, string>): ListProductsQuery => listProductsQuery.parse(params);

describe('store listings', () => {
  const catalog = demoCatalog();
  let table: string;
  let listings: ListingRepository;

  const all = async (params: Record<string, string>) => {
    const ids: string[] = [];
    const prices: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listings.list(q({ ...params, ...(cursor ? { cursor } : {}) }));
      ids.push(...page.items.map((p) => p.id));
      prices.push(...page.items.map((p) => p.priceFrom[(params.currency ?? 'EUR') as 'EUR']!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids, prices };
  };

  beforeAll(async () => {
    const client = useLocalDynamo();
    table = await createTestTable();
    await writeCatalog(client, table, catalog, demoCategories(catalog));
    listings = new ListingRepository(table, 'secret');
  });

  it('pages through every active product newest first', async () => {
    const { ids } = await all({ limit: '9' });
    expect(ids).toHaveLength(catalog.length);
    const created = ids.map((id) => catalog.find((p) => p.id === id)!.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it.each([
    ['price_asc', (a: number, b: number) => a - b],
    ['price_desc', (a: number, b: number) => b - a],
  ])('sorts by %s in the chosen currency', async (sort, order) => {
    const { ids, prices } = await all({ sort, currency: 'USD', limit: '10' });
    expect(ids).toHaveLength(catalog.length);
    expect(prices).toEqual([...prices].sort(order));
  });

  it.each([['newest'], ['price_asc']])('filters a price range (%s)', async (sort) => {
    const { ids } = await all({ sort, minPrice: '4000', maxPrice: '5000', limit: '7' });
    const expected = catalog
      .filter((p) => p.priceFrom.EUR! >= 4000 && p.priceFrom.EUR! <= 5000)
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('lists a category, including a parent category its products also sit in', async () => {
    const footwear = (await all({ category: 'footwear' })).ids;
    expect(footwear.sort()).toEqual(
      catalog
        .filter((p) => p.categoryIds.includes('footwear'))
        .map((p) => p.id)
        .sort(),
    );
    expect((await all({ category: 'clothing' })).ids).toHaveLength(21);
  });

  it('filters by option values', async () => {
    const { ids } = await all({ option: 'size=XL,colour=navy' });
    expect(ids.sort()).toEqual(
      catalog
        .filter((p) => p.categoryIds.includes('apparel'))
        .map((p) => p.id)
        .sort(),
    );
    expect((await all({ option: 'size=XXL' })).ids).toEqual([]);
  });

  it('searches title and description words, several words meaning all of them', async () => {
    const boot = (await all({ q: 'Boot' })).ids;
    expect(boot.map((id) => catalog.find((p) => p.id === id)!.title).sort()).toEqual([
      'Chelsea Boot',
      'Hiking Boot',
      'Winter Boot',
    ]);
    const winter = (await all({ q: 'winter BOOTS boot' })).ids;
    expect(winter).toEqual([]);
    expect(
      (await all({ q: 'boot winter' })).ids.map((id) => catalog.find((p) => p.id === id)!.title),
    ).toEqual(['Winter Boot']);
    expect((await all({ q: 'footwear', category: 'clothing' })).ids).toHaveLength(10);
  });

  it('refuses a search with no searchable words and a cursor from another query', async () => {
    await expect(listings.list(q({ q: 'the a' }))).rejects.toMatchObject({ code: 'search_too_vague' });
    const { nextCursor } = await listings.list(q({ limit: '2' }));
    await expect(
      listings.list(q({ limit: '2', sort: 'price_asc', cursor: nextCursor! })),
    ).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });

  it('lists a product once published and drops it once archived (projection)', async () => {
    const writer = new ProductWriter(table);
    const actor = { sub: 'admin' };
    const input = createProductInput.parse({
      slug: 'zebra-lamp',
      title: 'Zebra Lamp',
      categoryIds: ['home'],
      variants: [{ sku: 'ZEBRA-1', title: 'Zebra', prices: { EUR: 1 } }],
    });
    const created = createProduct(newId(), input, [newId()], new Date());
    await writer.commit(created, actor);
    const id = created.after!.id;
    await projectListing(table, id);
    expect((await all({ q: 'zebra' })).ids).toEqual([]);
    await writer.apply(id, 1, actor, publishProduct);
    await projectListing(table, id);
    expect((await all({ q: 'zebra', category: 'home' })).ids).toEqual([id]);
    expect((await listings.list(q({ sort: 'price_asc', limit: '1' }))).items[0]?.id).toBe(id);
    expect(await projectListing(table, id)).toBe(0);
    await writer.apply(id, 2, actor, archiveProduct);
    await projectListing(table, id);
    expect((await all({ q: 'zebra' })).ids).toEqual([]);
    expect((await all({})).ids).not.toContain(id);
  });
});
