import { json } from '#platform/http/response.ts';
import { storeTaxSettingsSchema } from '../domain/tax-settings.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/tax-settings: the saved settings, or the built-in default (version 0) (1 GetItem). */
export const getTaxSettings = pricingAdminOperation({
  route: 'GET /admin/tax-settings',
  access: 'admin',
  operationId: 'adminGetTaxSettings',
  summary: 'The tax settings',
  description:
    'The rate table (rates in parts per million), which currencies’ prices include tax, the tax ' +
    'class of shipping and the default destination. Version 0 is the built-in default, never saved.',
  tags: ['admin'],
  responses: { 200: { description: 'The settings', schema: storeTaxSettingsSchema } },
  handle: async (_, { taxSettings }) => json(200, await taxSettings.get(), noStore),
});
