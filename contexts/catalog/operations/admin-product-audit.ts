import { json } from '#platform/http/response.ts';
import { auditPageSchema } from '../data/audit.ts';
import { adminOperation } from '../wiring.ts';
import { auditQuery } from './admin-queries.ts';
import { productPath } from './paths.ts';
import { noStore } from './responses.ts';

/** GET /admin/products/{productId}/audit: who changed what, newest first (one Query per page). */
export const adminProductAudit = adminOperation({
  route: 'GET /admin/products/{productId}/audit',
  access: 'admin',
  operationId: 'adminProductAudit',
  summary: 'The audit trail of a product, newest first',
  description: 'Who changed what and when; the trail outlives a deleted product.',
  tags: ['catalog', 'admin'],
  request: { path: productPath, query: auditQuery },
  responses: { 200: { description: 'A page of audit records', schema: auditPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ path, query }, { audit }) =>
    json(200, await audit.forProduct(path.productId, query.limit, query.cursor), noStore),
});
