import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditKeys, uniqueKeys } from '#contexts/catalog/data/keys.ts';
import { newId, ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { type CreateProductInput, createProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import {
  archiveProduct,
  createProduct,
  deleteProduct,
  publishProduct,
  updateProduct,
} from '#contexts/catalog/domain/product-rules.ts';
import { updateVariant } from '#contexts/catalog/domain/variant-rules.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { outboxItemEvents } from '../../support/outbox.ts';

const admin = { sub: 'admin-1', email: 'admin@example.com' };

const input = (slug: string, skus: string[]): CreateProductInput =>
  createProductInput.parse({
    slug,
    title: `Product ${slug}`,
    options: [{ name: 'size', values: ['S', 'M'] }],
    variants: skus.map((sku, i) => ({
      sku,
      title: sku,
      options: { size: i % 2 ? 'M' : 'S' },
      prices: { EUR: 1000 + i, USD: 1100 + i },
    })),
  });

describe('ProductWriter', () => {
  const client = useLocalDynamo();
  let table: string;
  let writer: ProductWriter;

  const create = async (slug: string, skus: string[]) => {
    const change = createProduct(newId(), input(slug, skus), skus.map(newId), new Date());
    await writer.commit(change, admin);
    return change.after!;
  };
  /** The detail-types of the events about a product, per outbox item (a change's events share one). */
  const outboxItems = async (productId: string) =>
    (await outboxItemEvents(table))
      .map((item) =>
        item
          .filter((e) => (e.detail.data as { productId?: string }).productId === productId)
          .map((e) => e.detailType),
      )
      .filter((types) => types.length > 0);
  const outbox = async (productId: string) => (await outboxItems(productId)).flat();
  const audit = async (productId: string) =>
    (
      await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditKeys.productCollection(productId).pk },
        }),
      )
    ).Items ?? [];

  beforeAll(async () => {
    table = await createTestTable();
    writer = new ProductWriter(table);
  });

  it('creates a draft with its variants, uniqueness items, an audit record and ProductCreated together', async () => {
    const product = await create('alpha', ['ALPHA-S', 'ALPHA-M']);
    const stored = await writer.load(product.id);
    expect(stored).toMatchObject({
      slug: 'alpha',
      status: 'draft',
      version: 1,
      priceFrom: { EUR: 1000, USD: 1100 },
    });
    expect(stored.variants.map((v) => v.sku)).toEqual(['ALPHA-M', 'ALPHA-S']);
    const slug = await client.send(new GetCommand({ TableName: table, Key: uniqueKeys.slug('alpha') }));
    expect(slug.Item?.productId).toBe(product.id);
    expect(await outbox(product.id)).toEqual(['ProductCreated']);
    expect(await audit(product.id)).toEqual([
      expect.objectContaining({ action: 'product.create', actor: admin, version: 1 }),
    ]);
  });

  it.each([
    ['slug', () => create('alpha', ['OTHER-1']), 'slug_taken'],
    ['SKU', () => create('beta', ['ALPHA-S']), 'sku_taken'],
  ])('refuses a duplicate %s with a 409 and writes nothing', async (_, attempt, code) => {
    await expect(attempt()).rejects.toMatchObject({ statusCode: 409, code });
    const beta = await client.send(new GetCommand({ TableName: table, Key: uniqueKeys.slug('beta') }));
    const other = await client.send(new GetCommand({ TableName: table, Key: uniqueKeys.sku('OTHER-1') }));
    expect(beta.Item).toBeUndefined();
    expect(other.Item).toBeUndefined();
  });

  it('refuses a stale version before writing, and a lost update inside the transaction', async () => {
    const product = await create('gamma', ['GAMMA-S']);
    await writer.apply(product.id, 1, admin, (p, now) =>
      updateProduct(p, { version: 1, title: 'First' }, now),
    );
    await expect(
      writer.apply(product.id, 1, admin, (p, now) => updateProduct(p, { version: 1, title: 'Second' }, now)),
    ).rejects.toMatchObject({ statusCode: 409, code: 'version_conflict' });
    // Two writers read version 2; the slower one's transaction fails on the version condition.
    const read = await writer.load(product.id);
    await writer.apply(product.id, 2, admin, (p, now) =>
      updateProduct(p, { version: 2, title: 'Fast' }, now),
    );
    const slow = updateProduct(read, { version: 2, title: 'Slow' }, new Date());
    await expect(writer.commit(slow, admin)).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await writer.load(product.id)).title).toBe('Fast');
  });

  it('moves the slug: the old one is free for another product', async () => {
    const product = await create('delta', ['DELTA-S']);
    await writer.apply(product.id, 1, admin, (p, now) =>
      updateProduct(p, { version: 1, slug: 'delta-2' }, now),
    );
    await expect(create('delta', ['DELTA-NEW'])).resolves.toMatchObject({ slug: 'delta' });
    expect(await audit(product.id)).toContainEqual(
      expect.objectContaining({ action: 'product.update', changes: ['slug'], version: 2 }),
    );
  });

  it('publishes, archives and deletes, refusing to delete an active product', async () => {
    const product = await create('epsilon', ['EPS-S']);
    await writer.apply(product.id, 1, admin, publishProduct);
    await expect(writer.apply(product.id, 2, admin, deleteProduct)).rejects.toMatchObject({
      code: 'product_active',
    });
    await writer.apply(product.id, 2, admin, archiveProduct);
    await writer.apply(product.id, 3, admin, deleteProduct);
    await expect(writer.load(product.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'product_not_found',
    });
    const sku = await client.send(new GetCommand({ TableName: table, Key: uniqueKeys.sku('EPS-S') }));
    expect(sku.Item).toBeUndefined();
    expect(await outbox(product.id)).toEqual(
      expect.arrayContaining(['ProductCreated', 'ProductUpdated', 'ProductArchived', 'ProductDeleted']),
    );
  });

  it('reports a price change as PriceChanged and recomputes the price from', async () => {
    const product = await create('zeta', ['ZETA-S', 'ZETA-M']);
    const variantId = product.variants.find((v) => v.sku === 'ZETA-S')!.id;
    const change = await writer.apply(product.id, 1, admin, (p, now) =>
      updateVariant(p, variantId, { version: 1, prices: { EUR: 500 } }, now),
    );
    expect(change.after?.priceFrom).toEqual({ EUR: 500, USD: 1101 });
    expect(await outboxItems(product.id)).toContainEqual(
      expect.arrayContaining(['ProductUpdated', 'PriceChanged']),
    );
  });

  it('refuses a category that does not exist with a 422', async () => {
    const product = await create('eta', ['ETA-S']);
    await expect(
      writer.apply(product.id, 1, admin, (p, now) =>
        updateProduct(p, { version: 1, categoryIds: ['nope'] }, now),
      ),
    ).rejects.toMatchObject({ statusCode: 422, code: 'category_not_found' });
  });
});
