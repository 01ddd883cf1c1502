import { auditQuery } from '#shared/catalog/admin-inputs.ts';
import { AuditRepository } from '#shared/catalog/audit.ts';
import { productPath } from '#shared/catalog/store-queries.ts';
import { requireEnv } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

const audit = new AuditRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/products/{productId}/audit: who changed what, newest first (one Query per page). */
export const handler = httpHandler({ path: productPath, query: auditQuery }, async ({ path, query }) => {
  const page = await audit.forProduct(path.productId, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
