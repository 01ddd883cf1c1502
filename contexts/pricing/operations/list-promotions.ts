import { json } from '#platform/http/response.ts';
import { promotionPageSchema, promotionsQuery } from '../domain/promotion-inputs.ts';
import { pricingAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/promotions: one page of promotions, newest first (1 Query on gsi1; the cursor is signed). */
export const listPromotions = pricingAdminOperation({
  route: 'GET /admin/promotions',
  access: 'admin',
  operationId: 'adminListPromotions',
  summary: 'One page of promotions, newest first',
  description: 'Pass `nextCursor` back as `cursor` for the next page.',
  tags: ['admin'],
  request: { query: promotionsQuery },
  responses: { 200: { description: 'A page of promotions', schema: promotionPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { promotions }) =>
    json(200, await promotions.list(query.limit, query.cursor), noStore),
});
