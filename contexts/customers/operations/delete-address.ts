import { addressPath } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';

/** DELETE /me/addresses/{addressId}: removes one of the caller's addresses (404 if not theirs). */
export const deleteAddress = customerOperation({
  route: 'DELETE /me/addresses/{addressId}',
  access: 'customer',
  operationId: 'deleteAddress',
  summary: 'Delete one of the caller’s addresses',
  tags: ['customers'],
  request: { path: addressPath },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['address_not_found'] },
  handle: async ({ caller, path }, { addresses }) => {
    await addresses.remove(caller.sub, path.addressId);
    return { statusCode: 204 };
  },
});
