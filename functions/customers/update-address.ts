import { requireEnv } from '#shared/config.ts';
import { customerOf } from '#shared/customers/request.ts';
import { addressPath, updateAddressInput } from '#shared/customers/schemas.ts';
import { updateAddress } from '#shared/customers/update-address.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { json } from '#shared/http/response.ts';

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
