import { json } from '#platform/http/response.ts';
import { priceListPath, storedPriceListSchema, updatePriceListInput } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/price-lists/{priceListId}: changes fields if `version` is current, with `PriceListUpdated`. */
export const updatePriceList = pricingAdminOperation({
  route: 'PATCH /admin/price-lists/{priceListId}',
  access: 'admin',
  operationId: 'adminUpdatePriceList',
  summary: 'Change a price list',
  description:
    'Send the `version` you read (a stale one is a 409 `version_conflict`); `null` removes an optional ' +
    'field. Carts reprice on their next read or change.',
  tags: ['admin'],
  request: { path: priceListPath, body: updatePriceListInput },
  responses: { 200: { description: 'The changed price list', schema: storedPriceListSchema } },
  problems: { 400: ['price_list_window_invalid'], 404: ['price_list_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, body }, { priceLists }) =>
    json(200, await priceLists.update(path.priceListId, body), noStore),
});
