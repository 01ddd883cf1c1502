import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';
import { TaxSettingsRepository } from '#shared/tax/repository.ts';

const settings = new TaxSettingsRepository(requireEnv('TABLE_NAME'));

/** GET /admin/tax-settings: the saved settings, or the built-in default (version 0) (1 GetItem). */
export const handler = httpHandler({}, async () =>
  json(200, await settings.get(), { 'cache-control': 'no-store' }),
);
