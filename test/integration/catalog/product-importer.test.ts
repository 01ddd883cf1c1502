import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { uniqueKeys } from '#contexts/catalog/data/keys.ts';
import { ProductImporter } from '#contexts/catalog/data/product-importer.ts';
import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { createCategoryInput } from '#contexts/catalog/domain/category-schemas.ts';
import { importSource } from '#contexts/catalog/domain/import-source.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const admin = { sub: 'importer-1', email: 'ops@example.com' };

const product = (slug: string, skus: string[], extra: Record<string, unknown> = {}) => ({
  slug,
  title: `Product ${slug}`,
  categoryIds: ['kitchen'],
  options: [{ name: 'size', values: ['S', 'M'] }],
  variants: skus.map((sku, i) => ({
    sku,
    title: sku,
    options: { size: i % 2 ? 'M' : 'S' },
    prices: { EUR: 1000 + i },
  })),
  ...extra,
});
const jsonl = (...lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');

describe('ProductImporter', () => {
  const client = useLocalDynamo();
  let table: string;
  let writer: ProductWriter;
  let importer: ProductImporter;
  const run = (contentType: string, body: string) => importer.run(importSource(contentType, body), admin);
  const itemsOfSlugOrSku = async (values: string[]) => {
    const { Items = [] } = await client.send(new ScanCommand({ TableName: table }));
    return Items.filter((i) => values.some((v) => JSON.stringify(i).includes(v)));
  };

  beforeAll(async () => {
    table = await createTestTable();
    writer = new ProductWriter(table);
    importer = new ProductImporter(writer);
    await new CategoryRepository(table).create(
      createCategoryInput.parse({ id: 'kitchen', name: 'Kitchen', parentId: null, position: 0 }),
      admin,
    );
  });

  it('writes the good rows and reports each bad one, leaving nothing of a failed product behind', async () => {
    const report = await run(
      'application/x-ndjson',
      [
        jsonl(product('pan', ['PAN-S', 'PAN-M'])),
        '{"slug": "broken',
        jsonl(
          product('pot', ['POT-S'], { variants: [{ sku: 'POT-S', title: 'S', prices: { EUR: -5 } }] }),
          product('pan', ['PAN-OTHER']),
          product('lid', ['PAN-S']),
          product('ghost', ['GHOST-S'], { categoryIds: ['kitchen', 'no-such-category'] }),
          product('wok', ['WOK-S']),
        ),
      ].join('\n'),
    );
    expect(report.summary).toEqual({ created: 2, updated: 0, failed: 5 });
    expect(report.rows.map((r) => [r.row, r.status, r.slug, r.error?.code])).toEqual([
      [1, 'created', 'pan', undefined],
      [2, 'failed', undefined, 'invalid_json'],
      [3, 'failed', 'pot', 'validation_failed'],
      [4, 'failed', 'pan', 'slug_taken'],
      [5, 'failed', 'lid', 'sku_taken'],
      [6, 'failed', 'ghost', 'category_not_found'],
      [7, 'created', 'wok', undefined],
    ]);
    expect(report.rows[2]?.error?.errors).toContainEqual(
      expect.objectContaining({ path: 'row.variants.0.prices.EUR' }),
    );
    const pan = await writer.load(report.rows[0]!.productId!);
    expect(pan).toMatchObject({ slug: 'pan', status: 'draft', version: 1, priceFrom: { EUR: 1000 } });
    expect(pan.variants.map((v) => v.sku)).toEqual(['PAN-M', 'PAN-S']);
    // The product whose category transaction failed wrote no product, variant, slug, SKU, audit or event.
    expect(await itemsOfSlugOrSku(['ghost', 'GHOST-S', 'PAN-OTHER', 'lid'])).toEqual([]);
    const kitchen = await client.send(
      new GetCommand({ TableName: table, Key: { pk: 'CATEGORY#kitchen', sk: 'CATEGORY' } }),
    );
    expect(kitchen.Item?.productCount).toBe(2);
  });

  it('reads CSV: one line per variant grouped by slug, options declared by their columns', async () => {
    const csv = [
      'slug,title,description,categories,tax_class,attribute.material,sku,variant_title,option.size,option.colour,price.EUR,price.USD,weight_grams',
      'linen-apron,Linen Apron,"Washed linen, with pockets",kitchen,standard,linen,APRON-S-RED,,S,red,2900,3100,300',
      'linen-apron,,,,,,APRON-M-RED,Medium red,M,red,2900,3100,320',
      'tea-towel,Tea Towel,,kitchen,reduced,,TOWEL-1,,,,19.99,,',
      'linen-apron,,,,,,APRON-M-BLUE,,M,blue,3100,3300,320',
      'oven-mitt,Oven Mitt,,kitchen,,,MITT-1,,,,1500,,',
    ].join('\r\n');
    const report = await run('text/csv; charset=utf-8', csv);
    expect(report.rows.map((r) => [r.row, r.status, r.slug, r.error?.code])).toEqual([
      [2, 'created', 'linen-apron', undefined],
      [4, 'failed', 'tea-towel', 'validation_failed'],
      [6, 'created', 'oven-mitt', undefined],
    ]);
    const apron = await writer.load(report.rows[0]!.productId!);
    expect(apron).toMatchObject({
      title: 'Linen Apron',
      description: 'Washed linen, with pockets',
      attributes: { material: 'linen' },
      options: [
        { name: 'size', values: ['S', 'M'] },
        { name: 'colour', values: ['red', 'blue'] },
      ],
      priceFrom: { EUR: 2900, USD: 3100 },
    });
    expect(apron.variants.map((v) => [v.sku, v.title, v.weightGrams])).toEqual([
      ['APRON-M-BLUE', 'M / blue', 320],
      ['APRON-M-RED', 'Medium red', 320],
      ['APRON-S-RED', 'S / red', 300],
    ]);
  });

  it('replaces a product named by id and version: variants matched by SKU, stale versions refused', async () => {
    const created = await run('application/x-ndjson', jsonl(product('kettle', ['KETTLE-S', 'KETTLE-M'])));
    const id = created.rows[0]!.productId!;
    const before = await writer.load(id);
    const replacement = {
      id,
      version: 1,
      slug: 'kettle-steel',
      title: 'Steel Kettle',
      categoryIds: ['kitchen'],
      options: [{ name: 'size', values: ['S', 'L'] }],
      variants: [
        { sku: 'KETTLE-S', title: 'Small', options: { size: 'S' }, prices: { EUR: 900 } },
        { sku: 'KETTLE-L', title: 'Large', options: { size: 'L' }, prices: { EUR: 1900 } },
      ],
    };
    const report = await run('application/jsonl', jsonl(replacement, { ...replacement, slug: 'kettle-2' }));
    expect(report.rows.map((r) => [r.status, r.error?.code])).toEqual([
      ['updated', undefined],
      ['failed', 'sku_taken'],
    ]);
    const after = await writer.load(id);
    expect(after).toMatchObject({ slug: 'kettle-steel', title: 'Steel Kettle', version: 2, status: 'draft' });
    const small = (p: typeof after) => p.variants.find((v) => v.sku === 'KETTLE-S')!;
    expect(small(after).id).toBe(small(before).id);
    expect(after.variants.map((v) => v.sku).sort()).toEqual(['KETTLE-L', 'KETTLE-S']);
    const freed = await client.send(new GetCommand({ TableName: table, Key: uniqueKeys.sku('KETTLE-M') }));
    expect(freed.Item).toBeUndefined();
    const stale = await run('application/x-ndjson', jsonl({ ...replacement, title: 'Stale' }));
    expect(stale.rows[0]).toMatchObject({ status: 'failed', error: { code: 'version_conflict' } });
    expect((await writer.load(id)).title).toBe('Steel Kettle');
  });
});
