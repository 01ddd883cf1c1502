import { json } from '#platform/http/response.ts';
import { changeMembers } from '../data/memberships.ts';
import {
  groupPath,
  MAX_MEMBERSHIP_CHANGES,
  membershipInput,
  membershipReportSchema,
} from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/customer-groups/{groupId}/customers: adds and removes members, reporting each customer. */
export const changeGroupMembers = customerOperation({
  route: 'POST /admin/customer-groups/{groupId}/customers',
  access: 'admin',
  operationId: 'adminChangeCustomerGroupMembers',
  summary: 'Add customers to and remove them from a group',
  description:
    `Up to ${MAX_MEMBERSHIP_CHANGES} customer ids (add and remove together). Each is reported: \`ok\`, ` +
    '`already_member`, `not_member`, `customer_not_found` (no profile yet) or `duplicate`. Their carts ' +
    'reprice with the group’s prices and promotions on their next read or change.',
  tags: ['admin'],
  request: { path: groupPath, body: membershipInput },
  responses: { 200: { description: 'What happened to each customer', schema: membershipReportSchema } },
  problems: { 404: ['customer_group_not_found'], 409: ['write_conflict'] },
  handle: async ({ path, body }, { table, groups }) => {
    // A missing group fails the first membership transaction's condition: 404 without reading it first.
    const results = await changeMembers(table, path.groupId, body);
    const { memberCount } = await groups.get(path.groupId, true);
    return json(200, { results, memberCount }, noStore);
  },
});
