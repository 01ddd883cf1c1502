import { actorOf } from '#shared/catalog/admin-request.ts';
import { IMPORT_BODY_LIMIT_BYTES, importSource } from '#shared/catalog/import-source.ts';
import { ProductImporter } from '#shared/catalog/product-importer.ts';
import { ProductWriter } from '#shared/catalog/product-writer.ts';
import { requireEnv } from '#shared/config.ts';
import { rawBody } from '#shared/http/body.ts';
import { httpHandler, logger } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const importer = new ProductImporter(new ProductWriter(requireEnv('TABLE_NAME')), (error, row) =>
  logger.error('An import row failed unexpectedly', { row, error: error as Error }),
);

/**
 * POST /admin/products/import: JSON Lines or CSV, one transaction per product; 200 with a per-row
 * report even when rows fail (a failed row wrote nothing, the others are written).
 */
export const handler = httpHandler({ bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES }, async ({ event }) => {
  const rows = importSource(event.headers['content-type'], rawBody(event));
  const report = await importer.run(rows, actorOf(event));
  return json(200, report, { 'cache-control': 'no-store' });
});
