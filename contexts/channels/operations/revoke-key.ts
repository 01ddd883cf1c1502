import { json } from '#platform/http/response.ts';
import { keyPath, publishableKeySchema } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** DELETE /admin/channels/{channelId}/publishable-keys/{keyId}: revokes a key (kept, with `revokedAt`). */
export const revokePublishableKey = channelsAdminOperation({
  route: 'DELETE /admin/channels/{channelId}/publishable-keys/{keyId}',
  access: 'admin',
  operationId: 'adminRevokePublishableKey',
  summary: 'Revoke a publishable key',
  description:
    'Storefronts sending it get 401 `invalid_publishable_key` within 30 seconds (store functions cache ' +
    'keys). Revoking again answers the key as first revoked.',
  tags: ['admin', 'channels'],
  request: { path: keyPath },
  responses: { 200: { description: 'The revoked key', schema: publishableKeySchema } },
  problems: { 404: ['publishable_key_not_found'] },
  handle: async ({ path }, { keys }) => json(200, await keys.revoke(path.channelId, path.keyId), noStore),
});
