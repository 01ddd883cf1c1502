import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { addressSchema, createAddressInput, MAX_ADDRESSES } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';
import { createdHeaders, noStore } from './responses.ts';

/** POST /me/addresses: adds an address (at most 20); an `Idempotency-Key` makes a retry a replay. */
export const addAddress = customerOperation({
  route: 'POST /me/addresses',
  access: 'customer',
  operationId: 'addAddress',
  summary: 'Add an address',
  description: `At most ${MAX_ADDRESSES}. A repeated \`Idempotency-Key\` replays the first answer.`,
  tags: ['customers'],
  request: {
    headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
    body: createAddressInput,
    bodyLimitBytes: 4 * 1024,
  },
  responses: { 201: { description: 'The new address', schema: addressSchema, headers: createdHeaders } },
  problems: { 422: ['address_limit_reached', 'idempotency_key_reused'] },
  handle: async ({ caller, body, event }, { addresses }) => {
    const key = idempotencyKeyOf(event);
    const { address, replayed } = await addresses.add(caller.sub, caller.email ?? null, body, key);
    return json(201, address, {
      ...noStore,
      location: `/me/addresses/${address.id}`,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
