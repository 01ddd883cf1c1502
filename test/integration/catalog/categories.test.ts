import { beforeAll, describe, expect, it } from 'vitest';
import { createProductInput } from '#shared/catalog/admin-inputs.ts';
import { CategoryRepository } from '#shared/catalog/category-repository.ts';
import { createCategoryInput } from '#shared/catalog/category-schemas.ts';
import { buildTree } from '#shared/catalog/category-tree.ts';
import { createProduct, updateProduct } from '#shared/catalog/product-rules.ts';
import { newId, ProductWriter } from '#shared/catalog/product-writer.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

describe('CategoryRepository', () => {
  let categories: CategoryRepository;
  let writer: ProductWriter;
  const make = (id: string, parentId: string | null = null, position = 0) =>
    categories.create(createCategoryInput.parse({ id, name: id.toUpperCase(), parentId, position }));

  beforeAll(async () => {
    useLocalDynamo();
    const table = await createTestTable();
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
    await expect(categories.update('shop', { version: 1, parentId: 'shoes' })).rejects.toMatchObject({
      code: 'category_cycle',
    });
  });

  it('refuses to delete a category with children or products, then deletes it once empty', async () => {
    await expect(categories.delete('shop', 1)).rejects.toMatchObject({ code: 'category_has_children' });
    const created = createProduct(
      newId(),
      createProductInput.parse({ slug: 'tee', title: 'Tee', categoryIds: ['sale'] }),
      [],
      new Date(),
    );
    await writer.commit(created, { sub: 'admin' });
    await expect(categories.delete('sale', 1)).rejects.toMatchObject({ code: 'category_has_products' });
    await expect(categories.delete('sale', 7)).rejects.toMatchObject({ code: 'version_conflict' });
    await writer.apply(created.after!.id, 1, { sub: 'admin' }, (p, now) =>
      updateProduct(p, { version: 1, categoryIds: [] }, now),
    );
    await categories.delete('sale', 1);
    expect(await categories.get('sale')).toBeUndefined();
    await expect(categories.delete('sale', 1)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves a category and keeps the parents’ child counts right', async () => {
    await make('boots', 'shoes');
    const moved = await categories.update('boots', { version: 1, parentId: 'shirts', name: 'Boots' });
    expect(moved).toMatchObject({ parentId: 'shirts', name: 'Boots', version: 2 });
    await expect(categories.update('boots', { version: 1, name: 'Stale' })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await categories.delete('shoes', 1);
    expect((await categories.get('shirts'))?.childCount).toBe(1);
  });
});
