import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { priceListPath } from '../domain/price-list-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';

/** DELETE /admin/price-lists/{priceListId}?version=N: deletes it and its prices, with `PriceListDeleted`. */
export const deletePriceList = pricingAdminOperation({
  route: 'DELETE /admin/price-lists/{priceListId}',
  access: 'admin',
  operationId: 'adminDeletePriceList',
  summary: 'Delete a price list and its prices',
  description: 'Orders keep the `priceListId` their lines were priced with.',
  tags: ['admin'],
  request: { path: priceListPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['price_list_not_found'], 409: ['version_conflict', 'write_conflict'] },
  handle: async ({ path, query }, { priceLists }) => {
    await priceLists.delete(path.priceListId, query.version);
    return { statusCode: 204 };
  },
});
