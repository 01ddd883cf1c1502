import { requireEnv } from '#shared/config.ts';
import { AddressRepository } from '#shared/customers/address-repository.ts';
import { customerOf } from '#shared/customers/request.ts';
import { addressPath } from '#shared/customers/schemas.ts';
import { httpHandler } from '#shared/http/handler.ts';

const addresses = new AddressRepository(requireEnv('TABLE_NAME'));

/** DELETE /me/addresses/{addressId}: removes one of the caller's addresses (404 if not theirs). */
export const handler = httpHandler({ path: addressPath }, async ({ event, path }) => {
  const { customerId } = customerOf(event);
  await addresses.remove(customerId, path.addressId);
  return { statusCode: 204 };
});
