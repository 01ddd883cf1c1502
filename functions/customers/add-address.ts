import { requireEnv } from '#shared/config.ts';
import { AddressRepository } from '#shared/customers/address-repository.ts';
import { customerOf } from '#shared/customers/request.ts';
import { createAddressInput } from '#shared/customers/schemas.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { idempotencyKeyOf } from '#shared/http/idempotency-key.ts';
import { json } from '#shared/http/response.ts';

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
