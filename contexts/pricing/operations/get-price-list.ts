import { json } from '#platform/http/response.ts';
import { priceListNotFound } from '../data/price-list-errors.ts';
import { priceListPath, storedPriceListSchema } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/price-lists/{priceListId}: one price list without its prices (1 GetItem). */
export const getPriceList = pricingAdminOperation({
  route: 'GET /admin/price-lists/{priceListId}',
  access: 'admin',
  operationId: 'adminGetPriceList',
  summary: 'One price list',
  description: 'Its prices are paged at `GET /admin/price-lists/{priceListId}/prices`.',
  tags: ['admin'],
  request: { path: priceListPath },
  responses: { 200: { description: 'The price list', schema: storedPriceListSchema } },
  problems: { 404: ['price_list_not_found'] },
  handle: async ({ path }, { priceLists }) => {
    const list = await priceLists.get(path.priceListId);
    if (!list) throw priceListNotFound(path.priceListId);
    return json(200, list, noStore);
  },
});
