import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { addressSchema, MAX_ADDRESSES } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** `GET /me/addresses`: every address in one answer (at most 20, so never paginated). */
const addressListSchema = z.object({ items: z.array(addressSchema).max(MAX_ADDRESSES) });

/** GET /me/addresses: every address of the caller (one Query). */
export const listAddresses = customerOperation({
  route: 'GET /me/addresses',
  access: 'customer',
  operationId: 'listAddresses',
  summary: 'The caller’s addresses',
  tags: ['customers'],
  responses: { 200: { description: 'Every address', schema: addressListSchema } },
  handle: async ({ caller }, { customers }) => {
    const { addresses } = await customers.getOrCreate(caller.sub, caller.email ?? null);
    return json(200, { items: addresses }, noStore);
  },
});
