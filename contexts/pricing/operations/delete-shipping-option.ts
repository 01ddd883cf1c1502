import { deleteShippingOptionQuery, shippingOptionPath } from '../domain/shipping-option-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';

/**
 * DELETE /admin/shipping-options/{optionId}[?version=N] (1 DeleteItem). A cart that had chosen it
 * finds it gone on its next read and asks for another option.
 */
export const deleteShippingOption = pricingAdminOperation({
  route: 'DELETE /admin/shipping-options/{optionId}',
  access: 'admin',
  operationId: 'adminDeleteShippingOption',
  summary: 'Delete a shipping option',
  description: 'With `?version=N` only that version is deleted. Carts that chose it must choose again.',
  tags: ['admin'],
  request: { path: shippingOptionPath, query: deleteShippingOptionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['shipping_option_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, query }, { shippingOptions }) => {
    await shippingOptions.delete(path.optionId, query.version);
    return { statusCode: 204 };
  },
});
