import { json } from '#platform/http/response.ts';
import { shippingOptionPath, storedShippingOptionSchema } from '../domain/shipping-option-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/shipping-options/{optionId}: one option with its version (1 GetItem). */
export const getShippingOption = pricingAdminOperation({
  route: 'GET /admin/shipping-options/{optionId}',
  access: 'admin',
  operationId: 'adminGetShippingOption',
  summary: 'One shipping option',
  tags: ['admin'],
  request: { path: shippingOptionPath },
  responses: { 200: { description: 'The option', schema: storedShippingOptionSchema } },
  problems: { 404: ['shipping_option_not_found'] },
  handle: async ({ path }, { shippingOptions }) =>
    json(200, await shippingOptions.get(path.optionId), noStore),
});
