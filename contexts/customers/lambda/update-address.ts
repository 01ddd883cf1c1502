import { updateAddress } from '#contexts/customers/data/update-address.ts';
import { addressPath, updateAddressInput } from '#contexts/customers/domain/schemas.ts';
import { customerOf } from '#contexts/customers/operations/customer.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const table = requireEnv('TABLE_NAME');

/** PATCH /me/addresses/{addressId}: changes one of the caller's addresses if `version` is current. */
export const handler = httpHandler(
  { path: addressPath, bodyLimitBytes: 4 * 1024 },
  async ({ event, path }) => {
    const { customerId } = customerOf(event);
    const input = jsonBody(event, updateAddressInput);
    const address = await updateAddress(table, customerId, path.addressId, input);
    return json(200, address, { 'cache-control': 'no-store' });
  },
);
