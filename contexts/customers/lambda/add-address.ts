import { AddressRepository } from '#contexts/customers/data/address-repository.ts';
import { createAddressInput } from '#contexts/customers/domain/schemas.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';

const addresses = new AddressRepository(requireEnv('TABLE_NAME'));

/** POST /me/addresses: adds an address (at most 20); an `Idempotency-Key` makes a retry a replay. */
export const handler = httpHandler({ bodyLimitBytes: 4 * 1024 }, async ({ event }) => {
  const { customerId, email } = customerOf(event);
  const input = jsonBody(event, createAddressInput);
  const key = idempotencyKeyOf(event);
  const { address, replayed } = await addresses.add(customerId, email, input, key);
  return json(201, address, {
    location: `/me/addresses/${address.id}`,
    'cache-control': 'no-store',
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});
