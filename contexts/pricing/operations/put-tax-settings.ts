import { json } from '#platform/http/response.ts';
import { putTaxSettingsInput, storeTaxSettingsSchema } from '../domain/tax-settings.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore, versioned } from './responses.ts';

/** PUT /admin/tax-settings: replaces the settings if `version` is current (1 conditional Put). */
export const putTaxSettings = pricingAdminOperation({
  route: 'PUT /admin/tax-settings',
  access: 'admin',
  operationId: 'adminPutTaxSettings',
  summary: 'Replace the tax settings',
  description: `${versioned} Each region (country, or country and state) may have one row.`,
  tags: ['admin'],
  request: { body: putTaxSettingsInput, bodyLimitBytes: 64 * 1024 },
  responses: { 200: { description: 'The settings after the change', schema: storeTaxSettingsSchema } },
  problems: { 409: ['version_conflict'] },
  handle: async ({ body }, { taxSettings }) => json(200, await taxSettings.put(body), noStore),
});
