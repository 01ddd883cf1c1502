import { z } from 'zod';
import {
  addressPath,
  addressSchema,
  createAddressInput,
  customerSchema,
  idempotencyKey,
  MAX_ADDRESSES,
  profileSchema,
  updateAddressInput,
  updateProfileInput,
} from '#contexts/customers/domain/schemas.ts';
import { defineOperations } from '#platform/contract/operation.ts';

/** `GET /me/addresses`: every address in one answer (at most 20, so never paginated). */
const addressListSchema = z.object({ items: z.array(addressSchema).max(MAX_ADDRESSES) });

const noStore = 'Never cached: personal data';

/** The signed-in customer's own profile and address book. */
export const customerOperations = defineOperations([
  {
    route: 'GET /me',
    operationId: 'getMe',
    summary: 'The caller’s profile with every address',
    description: `Created on the first call from the token's claims. ${noStore}.`,
    tags: ['customers'],
    responses: { 200: { description: 'The customer', schema: customerSchema } },
  },
  {
    route: 'PATCH /me',
    operationId: 'updateMe',
    summary: 'Change the caller’s profile',
    description:
      'Send the `version` you read; a stale one is a 409 `version_conflict`. `null` clears a field.',
    tags: ['customers'],
    request: { body: updateProfileInput },
    responses: { 200: { description: 'The changed profile', schema: profileSchema } },
    problems: { 409: ['version_conflict'] },
  },
  {
    route: 'GET /me/addresses',
    operationId: 'listAddresses',
    summary: 'The caller’s addresses',
    tags: ['customers'],
    responses: { 200: { description: 'Every address', schema: addressListSchema } },
  },
  {
    route: 'POST /me/addresses',
    operationId: 'addAddress',
    summary: 'Add an address',
    description: `At most ${MAX_ADDRESSES}. A repeated \`Idempotency-Key\` replays the first answer.`,
    tags: ['customers'],
    request: {
      headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
      body: createAddressInput,
    },
    responses: {
      201: {
        description: 'The new address',
        schema: addressSchema,
        headers: z.object({
          location: z.string().meta({ description: 'The address’s URL path' }),
          'idempotent-replayed': z
            .literal('true')
            .optional()
            .meta({ description: 'Present when this answer replays an earlier request' }),
        }),
      },
    },
    problems: { 422: ['address_limit_reached', 'idempotency_key_reused'] },
  },
  {
    route: 'PATCH /me/addresses/{addressId}',
    operationId: 'updateAddress',
    summary: 'Change one of the caller’s addresses',
    description: 'Send the `version` you read; a stale one is a 409 `version_conflict`.',
    tags: ['customers'],
    request: { path: addressPath, body: updateAddressInput },
    responses: { 200: { description: 'The changed address', schema: addressSchema } },
    problems: { 404: ['address_not_found'], 409: ['version_conflict'] },
  },
  {
    route: 'DELETE /me/addresses/{addressId}',
    operationId: 'deleteAddress',
    summary: 'Delete one of the caller’s addresses',
    tags: ['customers'],
    request: { path: addressPath },
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: ['address_not_found'] },
  },
]);
