import { eraseCustomer } from '../data/erase-customer.ts';
import { adminCustomerPath } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { erasureNote } from './privacy.ts';

/** DELETE /admin/customers/{customerId}: the back office carries out a customer's erasure request. */
export const adminEraseCustomer = customerOperation({
  route: 'DELETE /admin/customers/{customerId}',
  access: 'admin',
  operationId: 'adminEraseCustomer',
  summary: 'Erase a customer’s personal data',
  description: `${erasureNote} The erasure record names the admin who asked.`,
  tags: ['admin'],
  request: { path: adminCustomerPath },
  responses: { 204: { description: 'Erased (or nothing left to erase)' } },
  problems: { 409: ['orders_open', 'write_conflict'] },
  handle: async ({ caller, path }, { table }) => {
    await eraseCustomer(table, { customerId: path.customerId, by: 'admin', actor: caller.sub });
    return { statusCode: 204 };
  },
});
