import { AuditRepository } from '#contexts/catalog/data/audit.ts';
import { auditQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { productPath } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const audit = new AuditRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /admin/products/{productId}/audit: who changed what, newest first (one Query per page). */
export const handler = httpHandler({ path: productPath, query: auditQuery }, async ({ path, query }) => {
  const page = await audit.forProduct(path.productId, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
