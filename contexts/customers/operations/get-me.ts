import { json } from '#platform/http/response.ts';
import { customerSchema } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';
import { noStore, noStoreNote } from './responses.ts';

/** GET /me: the caller's profile with every address (one Query), created on the first call. */
export const getMe = customerOperation({
  route: 'GET /me',
  access: 'customer',
  operationId: 'getMe',
  summary: 'The caller’s profile with every address',
  description: `Created on the first call from the token's claims. ${noStoreNote}.`,
  tags: ['customers'],
  responses: { 200: { description: 'The customer', schema: customerSchema } },
  handle: async ({ caller }, { customers }) =>
    json(200, await customers.getOrCreate(caller.sub, caller.email ?? null), noStore),
});
