import { json } from '#platform/http/response.ts';
import { profileSchema, updateProfileInput } from '../domain/schemas.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /me: changes the caller's profile if `version` is current (409 `version_conflict` if not). */
export const updateMe = customerOperation({
  route: 'PATCH /me',
  access: 'customer',
  operationId: 'updateMe',
  summary: 'Change the caller’s profile',
  description: 'Send the `version` you read; a stale one is a 409 `version_conflict`. `null` clears a field.',
  tags: ['customers'],
  request: { body: updateProfileInput, bodyLimitBytes: 4 * 1024 },
  responses: { 200: { description: 'The changed profile', schema: profileSchema } },
  problems: { 409: ['version_conflict'] },
  handle: async ({ caller, body }, { customers }) =>
    json(200, await customers.updateProfile(caller.sub, body, caller.email ?? null), noStore),
});
