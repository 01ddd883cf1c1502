import { json } from '#platform/http/response.ts';
import { categoryTreeSchema } from '../domain/category-schemas.ts';
import { buildTree } from '../domain/category-tree.ts';
import { storeOperation } from '../wiring.ts';
import { publicFor } from './responses.ts';

/** GET /categories: the whole category tree (one Query on gsi1). */
export const listCategories = storeOperation({
  route: 'GET /categories',
  access: 'public',
  operationId: 'listCategories',
  summary: 'The category tree',
  tags: ['catalog'],
  responses: { 200: { description: 'Root categories with their children', schema: categoryTreeSchema } },
  handle: async (_input, { categories }) =>
    json(200, { items: buildTree(await categories.list()) }, publicFor(60)),
});
