import { json } from '#platform/http/response.ts';
import { customerGroupSchema, groupPath } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/customer-groups/{groupId}: one group with its member count (1 GetItem). */
export const getCustomerGroup = customerOperation({
  route: 'GET /admin/customer-groups/{groupId}',
  access: 'admin',
  operationId: 'adminGetCustomerGroup',
  summary: 'One customer group',
  tags: ['admin'],
  request: { path: groupPath },
  responses: { 200: { description: 'The group', schema: customerGroupSchema } },
  problems: { 404: ['customer_group_not_found'] },
  handle: async ({ path }, { groups }) => json(200, await groups.get(path.groupId), noStore),
});
