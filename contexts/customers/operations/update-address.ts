import { json } from '#platform/http/response.ts';
import { updateAddress as update } from '../data/update-address.ts';
import { addressPath, addressSchema, updateAddressInput } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /me/addresses/{addressId}: changes one of the caller's addresses if `version` is current. */
export const updateAddress = customerOperation({
  route: 'PATCH /me/addresses/{addressId}',
  access: 'customer',
  operationId: 'updateAddress',
  summary: 'Change one of the caller’s addresses',
  description: 'Send the `version` you read; a stale one is a 409 `version_conflict`.',
  tags: ['customers'],
  request: { path: addressPath, body: updateAddressInput, bodyLimitBytes: 4 * 1024 },
  responses: { 200: { description: 'The changed address', schema: addressSchema } },
  problems: { 404: ['address_not_found'], 409: ['version_conflict'] },
  handle: async ({ caller, path, body }, { table }) =>
    json(200, await update(table, caller.sub, path.addressId, body), noStore),
});
