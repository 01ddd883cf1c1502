import { eraseCustomer } from '../data/erase-customer.ts';
import { customerOperation } from '../wiring.ts';
import { erasureNote } from './privacy.ts';

/** DELETE /me: erases the caller's personal data (GDPR art. 17). */
export const eraseMe = customerOperation({
  route: 'DELETE /me',
  access: 'customer',
  operationId: 'eraseMe',
  summary: 'Erase the caller’s personal data',
  description: erasureNote,
  tags: ['customers'],
  responses: { 204: { description: 'Erased (or nothing left to erase)' } },
  problems: { 409: ['orders_open', 'write_conflict'] },
  handle: async ({ caller }, { table }) => {
    await eraseCustomer(table, { customerId: caller.sub, by: 'customer', actor: caller.sub });
    return { statusCode: 204 };
  },
});
