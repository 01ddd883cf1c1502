import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { storedShippingOptionSchema } from '../domain/shipping-option-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/shipping-options: every option by id (there are few: one answer, no pages). */
export const listShippingOptions = pricingAdminOperation({
  route: 'GET /admin/shipping-options',
  access: 'admin',
  operationId: 'adminListShippingOptions',
  summary: 'Every shipping option',
  tags: ['admin'],
  responses: {
    200: {
      description: 'The options, by id',
      schema: z.object({ items: z.array(storedShippingOptionSchema) }),
    },
  },
  handle: async (_, { shippingOptions }) => json(200, { items: await shippingOptions.list() }, noStore),
});
