import { json } from '#platform/http/response.ts';
import { pageQuery, priceListPageSchema } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/price-lists: one page of price lists, newest first (1 Query on gsi1; the cursor is signed). */
export const listPriceLists = pricingAdminOperation({
  route: 'GET /admin/price-lists',
  access: 'admin',
  operationId: 'adminListPriceLists',
  summary: 'One page of price lists, newest first',
  description: 'Pass `nextCursor` back as `cursor` for the next page.',
  tags: ['admin'],
  request: { query: pageQuery },
  responses: { 200: { description: 'A page of price lists', schema: priceListPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { priceLists }) =>
    json(200, await priceLists.list(query.limit, query.cursor), noStore),
});
