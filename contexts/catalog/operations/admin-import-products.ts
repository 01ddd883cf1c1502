import { z } from 'zod';
import { rawBody } from '#platform/http/body.ts';
import { json } from '#platform/http/response.ts';
import { IMPORT_MAX_PRODUCTS } from '../domain/import-limits.ts';
import { importReportSchema } from '../domain/import-report.ts';
import { IMPORT_BODY_LIMIT_BYTES, IMPORT_MEDIA_TYPES, importSource } from '../domain/import-source.ts';
import { adminOperation } from '../wiring.ts';
import { actorOf } from './actor.ts';
import { noStore } from './responses.ts';

/**
 * POST /admin/products/import: JSON Lines or CSV, one transaction per product; 200 with a per-row
 * report even when rows fail (a failed row wrote nothing, the others are written). The body is not JSON,
 * so the operation reads it itself; the router still enforces the 2 MiB limit.
 */
export const adminImportProducts = adminOperation({
  route: 'POST /admin/products/import',
  access: 'admin',
  operationId: 'adminImportProducts',
  summary: 'Bulk import: create or replace products from JSON Lines or CSV',
  description:
    `The body is \`application/x-ndjson\` (one \`POST /admin/products\` body per line; with \`id\` and ` +
    `\`version\` it replaces that product) or \`text/csv\` (one line per variant, grouped by \`slug\`; ` +
    `columns in docs/catalog.md). At most ${IMPORT_MAX_PRODUCTS} products and 2 MiB per request. Each ` +
    'product is one transaction: a failed row writes nothing and never stops the others, so the answer ' +
    'is 200 with a report per row (`row` = the line the product starts on).',
  tags: ['catalog', 'admin'],
  request: {
    headers: z.object({ 'content-type': z.enum(IMPORT_MEDIA_TYPES) }),
    bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES,
  },
  responses: { 200: { description: 'What happened to each product', schema: importReportSchema } },
  problems: {
    400: ['invalid_csv', 'invalid_csv_header', 'empty_import'],
    413: ['payload_too_large', 'too_many_products'],
    415: ['unsupported_media_type'],
  },
  handle: async ({ event, caller }, { importer }) => {
    const rows = importSource(event.headers['content-type'], rawBody(event));
    return json(200, await importer.run(rows, actorOf(caller)), noStore);
  },
});
