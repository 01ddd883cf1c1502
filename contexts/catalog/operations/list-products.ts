import { json } from '#platform/http/response.ts';
import { productPageSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { publicFor } from './responses.ts';
import { listProductsQuery } from './store-queries.ts';

/** GET /products: one page of active products with filters, search and sort (one Query per page). */
export const listProducts = storeOperation({
  route: 'GET /products',
  access: 'public',
  operationId: 'listProducts',
  summary: 'One page of active products: filters, search, sort',
  description:
    'Pass `nextCursor` back as `cursor` for the next page; cursors are opaque and signed. `currency` ' +
    '(default EUR) picks the prices for `minPrice`/`maxPrice` and price sorting. `q` matches whole words ' +
    'of title and description. With filters a page may hold fewer than `limit` items while `nextCursor` ' +
    'is set. The listing is updated from catalog events within seconds of a change.',
  tags: ['catalog'],
  request: { query: listProductsQuery },
  responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
  problems: { 400: ['invalid_cursor', 'search_too_vague'] },
  handle: async ({ query }, { listings }) => json(200, await listings.list(query), publicFor(30)),
});
