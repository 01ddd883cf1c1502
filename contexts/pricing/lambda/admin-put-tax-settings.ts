import { TaxSettingsRepository } from '#contexts/pricing/data/tax-repository.ts';
import { putTaxSettingsInput } from '#contexts/pricing/domain/tax-settings.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const settings = new TaxSettingsRepository(requireEnv('TABLE_NAME'));

/** PUT /admin/tax-settings: replaces the settings if `version` is current (1 conditional Put). */
export const handler = httpHandler({ bodyLimitBytes: 64 * 1024 }, async ({ event }) =>
  json(200, await settings.put(jsonBody(event, putTaxSettingsInput)), { 'cache-control': 'no-store' }),
);
