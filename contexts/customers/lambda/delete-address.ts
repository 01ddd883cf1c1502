import { AddressRepository } from '#contexts/customers/data/address-repository.ts';
import { addressPath } from '#contexts/customers/domain/schemas.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';

const addresses = new AddressRepository(requireEnv('TABLE_NAME'));

/** DELETE /me/addresses/{addressId}: removes one of the caller's addresses (404 if not theirs). */
export const handler = httpHandler({ path: addressPath }, async ({ event, path }) => {
  const { customerId } = customerOf(event);
  await addresses.remove(customerId, path.addressId);
  return { statusCode: 204 };
});
