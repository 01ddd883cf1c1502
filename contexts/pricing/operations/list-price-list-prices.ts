import { json } from '#platform/http/response.ts';
import { pageQuery, priceListPath, priceRowPageSchema } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/price-lists/{priceListId}/prices: one page of its prices (1 GetItem + 1 Query). */
export const listPriceListPrices = pricingAdminOperation({
  route: 'GET /admin/price-lists/{priceListId}/prices',
  access: 'admin',
  operationId: 'adminListPriceListPrices',
  summary: 'One page of a price list’s prices',
  description: 'By variant id, then currency. Pass `nextCursor` back as `cursor` for the next page.',
  tags: ['admin'],
  request: { path: priceListPath, query: pageQuery },
  responses: { 200: { description: 'A page of prices', schema: priceRowPageSchema } },
  problems: { 400: ['invalid_cursor'], 404: ['price_list_not_found'] },
  handle: async ({ path, query }, { priceLists }) =>
    json(200, await priceLists.prices(path.priceListId, query.limit, query.cursor), noStore),
});
