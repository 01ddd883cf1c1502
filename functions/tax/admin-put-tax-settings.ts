import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { TaxSettingsRepository } from '#shared/tax/repository.ts';
import { putTaxSettingsInput } from '#shared/tax/settings.ts';

const settings = new TaxSettingsRepository(requireEnv('TABLE_NAME'));

/** PUT /admin/tax-settings: replaces the settings if `version` is current (1 conditional Put). */
export const handler = httpHandler({ bodyLimitBytes: 64 * 1024 }, async ({ event }) =>
  json(200, await settings.put(jsonBody(event, putTaxSettingsInput)), { 'cache-control': 'no-store' }),
);
