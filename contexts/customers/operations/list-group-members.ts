import { json } from '#platform/http/response.ts';
import { listMembers } from '../data/memberships.ts';
import { groupPageQuery, groupPath, memberPageSchema } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/customer-groups/{groupId}/customers: one page of members (1 GetItem + 1 Query). */
export const listGroupMembers = customerOperation({
  route: 'GET /admin/customer-groups/{groupId}/customers',
  access: 'admin',
  operationId: 'adminListCustomerGroupMembers',
  summary: 'One page of a group’s members',
  description: 'By customer id. Pass `nextCursor` back as `cursor` for the next page.',
  tags: ['admin'],
  request: { path: groupPath, query: groupPageQuery },
  responses: { 200: { description: 'A page of members', schema: memberPageSchema } },
  problems: { 400: ['invalid_cursor'], 404: ['customer_group_not_found'] },
  handle: async ({ path, query }, { table, cursorKey, groups }) => {
    await groups.get(path.groupId);
    return json(200, await listMembers(table, cursorKey, path.groupId, query.limit, query.cursor), noStore);
  },
});
