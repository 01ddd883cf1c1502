import { json } from '#platform/http/response.ts';
import { stockFeedInput, stockFeedReport } from '../domain/feed.ts';
import { inventoryAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PUT /admin/inventory: the bulk stock feed of an ERP, warehouse or marketplace system. */
export const putStockFeed = inventoryAdminOperation({
  route: 'PUT /admin/inventory',
  access: 'admin',
  operationId: 'adminPutStockFeed',
  summary: 'Set or adjust stock for up to 1,000 variants and locations at once',
  description:
    'Each row sets an absolute on-hand count (`set`) or changes it (`adjust`, signed) at a location. ' +
    'Rows are checked and applied one by one: good rows land, bad ones are reported with a stable code. ' +
    'The same `syncId` with the same rows is applied once (the stored report comes back, `replayed: true`); ' +
    'a run cut short is finished by sending it again.',
  tags: ['admin'],
  request: { body: stockFeedInput, bodyLimitBytes: 256 * 1024 },
  responses: { 200: { description: 'What happened to each row', schema: stockFeedReport } },
  problems: { 409: ['sync_id_reused'] },
  // The ledger records which admin (or integration user) sent the feed.
  handle: async ({ body, caller }, { feed }) => json(200, await feed.apply(body, caller.sub), noStore),
});
