import { exportCustomer } from '../data/export-customer.ts';
import { customerOperation } from '../wiring.ts';
import { exportAnswer, exportNote, exportResponses } from './privacy.ts';

/** GET /me/export: everything held about the caller, as a JSON download. */
export const exportMe = customerOperation({
  route: 'GET /me/export',
  access: 'customer',
  operationId: 'exportMe',
  summary: 'Download everything held about the caller',
  description: exportNote,
  tags: ['customers'],
  responses: exportResponses,
  handle: async ({ caller }, { table, customers }) =>
    exportAnswer(await exportCustomer(table, customers, caller.sub)),
});
