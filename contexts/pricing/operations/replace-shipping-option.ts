import { json } from '#platform/http/response.ts';
import {
  replaceShippingOptionInput,
  shippingOptionPath,
  storedShippingOptionSchema,
} from '../domain/shipping-option-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore, versioned } from './responses.ts';

/** PUT /admin/shipping-options/{optionId}: full replacement if `version` is current (1 UpdateItem). */
export const replaceShippingOption = pricingAdminOperation({
  route: 'PUT /admin/shipping-options/{optionId}',
  access: 'admin',
  operationId: 'adminReplaceShippingOption',
  summary: 'Replace a shipping option',
  description: `${versioned} Leaving out \`freeAbove\` removes the threshold.`,
  tags: ['admin'],
  request: { path: shippingOptionPath, body: replaceShippingOptionInput, bodyLimitBytes: 32 * 1024 },
  responses: { 200: { description: 'The option after the change', schema: storedShippingOptionSchema } },
  problems: { 404: ['shipping_option_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, body }, { shippingOptions }) =>
    json(200, await shippingOptions.update(path.optionId, body), noStore),
});
