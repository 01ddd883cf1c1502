import { json } from '#platform/http/response.ts';
import { adminCustomerPath, adminCustomerSchema } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/customers/{customerId}: a customer's profile and groups, for the back office (1 GetItem). */
export const getCustomerAdmin = customerOperation({
  route: 'GET /admin/customers/{customerId}',
  access: 'admin',
  operationId: 'adminGetCustomer',
  summary: 'A customer’s profile and customer groups',
  description:
    'Addresses are not included. A customer exists once their profile does (first call or sign-up).',
  tags: ['admin'],
  request: { path: adminCustomerPath },
  responses: { 200: { description: 'The customer', schema: adminCustomerSchema } },
  problems: { 404: ['customer_not_found'] },
  handle: async ({ path }, { customers }) => json(200, await customers.adminView(path.customerId), noStore),
});
