import { TaxSettingsRepository } from '#contexts/pricing/data/tax-repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const settings = new TaxSettingsRepository(requireEnv('TABLE_NAME'));

/** GET /admin/tax-settings: the saved settings, or the built-in default (version 0) (1 GetItem). */
export const handler = httpHandler({}, async () =>
  json(200, await settings.get(), { 'cache-control': 'no-store' }),
);
