import { versionQuery } from '#contexts/catalog/domain/admin-inputs.ts';
import { groupPath } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';

/** DELETE /admin/customer-groups/{groupId}?version=N: deletes an empty group. */
export const deleteCustomerGroup = customerOperation({
  route: 'DELETE /admin/customer-groups/{groupId}',
  access: 'admin',
  operationId: 'adminDeleteCustomerGroup',
  summary: 'Delete an empty customer group',
  description:
    'A group with members is refused (409 `customer_group_not_empty`): remove them first. Price lists and ' +
    'promotions still naming the group then match no one.',
  tags: ['admin'],
  request: { path: groupPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: {
    404: ['customer_group_not_found'],
    409: ['version_conflict', 'customer_group_not_empty', 'write_conflict'],
  },
  handle: async ({ path, query }, { groups }) => {
    await groups.delete(path.groupId, query.version);
    return { statusCode: 204 };
  },
});
