import { exportCustomer } from '../data/export-customer.ts';
import { adminCustomerPath } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { exportAnswer, exportNote, exportResponses } from './privacy.ts';

/** GET /admin/customers/{customerId}/export: the back office answers a customer's access request. */
export const adminExportCustomer = customerOperation({
  route: 'GET /admin/customers/{customerId}/export',
  access: 'admin',
  operationId: 'adminExportCustomer',
  summary: 'Download everything held about a customer',
  description: `${exportNote} An unknown id answers an empty export (no profile, no orders).`,
  tags: ['admin'],
  request: { path: adminCustomerPath },
  responses: exportResponses,
  handle: async ({ path }, { table, customers }) =>
    exportAnswer(await exportCustomer(table, customers, path.customerId)),
});
