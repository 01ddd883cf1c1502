import { json } from '#platform/http/response.ts';
import {
  MAX_PRICE_ROWS,
  priceListPath,
  setPricesInput,
  setPricesReportSchema,
} from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/price-lists/{priceListId}/prices: sets and removes prices, reporting each row. */
export const setPriceListPrices = pricingAdminOperation({
  route: 'POST /admin/price-lists/{priceListId}/prices',
  access: 'admin',
  operationId: 'adminSetPriceListPrices',
  summary: 'Set and remove prices of a price list',
  description:
    `Up to ${MAX_PRICE_ROWS} rows (upserts and removals together), amounts in minor units. Each row is ` +
    'reported: `ok`, or skipped as `variant_not_found` (upsert of an unknown variant), `not_found` ' +
    '(removal of a price the list does not have) or `duplicate_row` (a second row for the same variant ' +
    'and currency); skipped rows do not stop the others. Setting the same prices again changes nothing.',
  tags: ['admin'],
  request: { path: priceListPath, body: setPricesInput },
  responses: { 200: { description: 'What happened to each row', schema: setPricesReportSchema } },
  problems: { 404: ['price_list_not_found'], 409: ['write_conflict'] },
  handle: async ({ path, body }, { priceLists }) =>
    json(200, await priceLists.setPrices(path.priceListId, body), noStore),
});
