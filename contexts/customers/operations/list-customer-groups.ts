import { json } from '#platform/http/response.ts';
import { groupPageQuery, groupPageSchema } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/customer-groups: one page of groups, newest first (1 Query on gsi1). */
export const listCustomerGroups = customerOperation({
  route: 'GET /admin/customer-groups',
  access: 'admin',
  operationId: 'adminListCustomerGroups',
  summary: 'One page of customer groups, newest first',
  description: 'Pass `nextCursor` back as `cursor` for the next page.',
  tags: ['admin'],
  request: { query: groupPageQuery },
  responses: { 200: { description: 'A page of groups', schema: groupPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { groups }) => json(200, await groups.list(query.limit, query.cursor), noStore),
});
