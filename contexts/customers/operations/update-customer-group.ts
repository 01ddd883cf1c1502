import { json } from '#platform/http/response.ts';
import { customerGroupSchema, groupPath, updateGroupInput } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/customer-groups/{groupId}: renames or redescribes it at `version`. */
export const updateCustomerGroup = customerOperation({
  route: 'PATCH /admin/customer-groups/{groupId}',
  access: 'admin',
  operationId: 'adminUpdateCustomerGroup',
  summary: 'Change a customer group',
  description:
    'Send the `version` you read (a stale one is a 409 `version_conflict`); `null` removes the description.',
  tags: ['admin'],
  request: { path: groupPath, body: updateGroupInput },
  responses: { 200: { description: 'The changed group', schema: customerGroupSchema } },
  problems: { 404: ['customer_group_not_found'], 409: ['version_conflict'] },
  handle: async ({ path, body }, { groups }) => json(200, await groups.update(path.groupId, body), noStore),
});
