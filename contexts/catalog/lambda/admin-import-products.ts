import { ProductWriter } from '#contexts/catalog/data/product-writer.ts';
import { IMPORT_BODY_LIMIT_BYTES, importSource } from '#contexts/catalog/domain/import-source.ts';
import { actorOf } from '#contexts/catalog/operations/actor.ts';
import { ProductImporter } from '#contexts/catalog/data/product-importer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { rawBody } from '#platform/http/body.ts';
import { httpHandler, logger } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

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
