import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CategoryRepository } from '#contexts/catalog/data/category-repository.ts';
import { auditKeys } from '#contexts/catalog/data/keys.ts';
import { newId, ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { createProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { createCategoryInput } from '#contexts/catalog/domain/category-schemas.ts';
import { buildTree } from '#contexts/catalog/domain/category-tree.ts';
import { createProduct, updateProduct } from '#contexts/catalog/domain/product-rules.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const admin = { sub: 'admin-7', email: 'ops@example.com' };

describe('CategoryRepository', () => {
  const client = useLocalDynamo();
  let table: string;
  let categories: CategoryRepository;
  let writer: ProductWriter;
  const make = (id: string, parentId: string | null = null, position = 0) =>
    categories.create(createCategoryInput.parse({ id, name: id.toUpperCase(), parentId, position }), admin);

  beforeAll(async () => {
    table = await createTestTable();
    categories = new CategoryRepository(table);
    writer = new ProductWriter(table);
    await make('shop');
    await make('shoes', 'shop', 2);
    await make('shirts', 'shop', 1);
    await make('sale');
  });

  it('reads the whole tree in one Query and orders children by position', async () => {
    expect(buildTree(await categories.list())).toEqual([
      { id: 'sale', name: 'SALE', position: 0, children: [] },
      {
        id: 'shop',
        name: 'SHOP',
        position: 0,
        children: [
          { id: 'shirts', name: 'SHIRTS', position: 1, children: [] },
          { id: 'shoes', name: 'SHOES', position: 2, children: [] },
        ],
      },
    ]);
  });

  it('refuses a duplicate id, an unknown parent and a move under its own descendant', async () => {
    await expect(make('shop')).rejects.toMatchObject({ statusCode: 409, code: 'category_exists' });
    await expect(make('x', 'missing')).rejects.toMatchObject({ statusCode: 422, code: 'parent_not_found' });
    await expect(categories.update('shop', { version: 1, parentId: 'shoes' }, admin)).rejects.toMatchObject({
      code: 'category_cycle',
    });
  });

  it('refuses to delete a category with children or products, then deletes it once empty', async () => {
    await expect(categories.delete('shop', 1, admin)).rejects.toMatchObject({
      code: 'category_has_children',
    });
    const created = createProduct(
      newId(),
      createProductInput.parse({ slug: 'tee', title: 'Tee', categoryIds: ['sale'] }),
      [],
      new Date(),
    );
    await writer.commit(created, { sub: 'admin' });
    await expect(categories.delete('sale', 1, admin)).rejects.toMatchObject({
      code: 'category_has_products',
    });
    await expect(categories.delete('sale', 7, admin)).rejects.toMatchObject({ code: 'version_conflict' });
    await writer.apply(created.after!.id, 1, { sub: 'admin' }, (p, now) =>
      updateProduct(p, { version: 1, categoryIds: [] }, now),
    );
    await categories.delete('sale', 1, admin);
    expect(await categories.get('sale')).toBeUndefined();
    await expect(categories.delete('sale', 1, admin)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves a category and keeps the parents’ child counts right', async () => {
    await make('boots', 'shoes');
    const moved = await categories.update('boots', { version: 1, parentId: 'shirts', name: 'Boots' }, admin);
    expect(moved).toMatchObject({ parentId: 'shirts', name: 'Boots', version: 2 });
    await expect(categories.update('boots', { version: 1, name: 'Stale' }, admin)).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await categories.delete('shoes', 1, admin);
    expect((await categories.get('shirts'))?.childCount).toBe(1);
  });

  it('audits each category change with the admin, in the change’s transaction', async () => {
    const trail = async (id: string) =>
      (
        await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': auditKeys.categoryCollection(id).pk },
          }),
        )
      ).Items?.map((i) => [i.action, i.changes, i.version, i.actor]);
    expect(await trail('boots')).toEqual([
      ['category.create', ['id', 'name', 'parentId', 'position'], 1, admin],
      ['category.update', ['parentId', 'name'], 2, admin],
    ]);
    expect(await trail('shoes')).toEqual([
      ['category.create', ['id', 'name', 'parentId', 'position'], 1, admin],
      ['category.delete', [], 2, admin],
    ]);
    // Refused changes leave no record: the audit item rides in the refused transaction.
    expect((await trail('shop'))?.map(([action]) => action)).toEqual(['category.create']);
  });
});
