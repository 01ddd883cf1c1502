import { json } from '#platform/http/response.ts';
import { productPageSchema } from '../domain/schemas.ts';
import { adminOperation } from '../wiring.ts';
import { adminProductsQuery } from './admin-queries.ts';
import { noStore } from './responses.ts';

/** GET /admin/products?status=: one page of products in a status, newest first (one Query on gsi1). */
export const adminListProducts = adminOperation({
  route: 'GET /admin/products',
  access: 'admin',
  operationId: 'adminListProducts',
  summary: 'One page of products in a status (default active), newest first',
  description: 'Pass `nextCursor` back as `cursor` for the next page; a cursor belongs to its status.',
  tags: ['catalog', 'admin'],
  request: { query: adminProductsQuery },
  responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { products }) =>
    json(200, await products.listByStatus(query.status, query.limit, query.cursor), noStore),
});
