import { json } from '#platform/http/response.ts';
import { channelPath, keyListSchema } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/channels/{channelId}/publishable-keys: the channel's keys, revoked ones included. */
export const listPublishableKeys = channelsAdminOperation({
  route: 'GET /admin/channels/{channelId}/publishable-keys',
  access: 'admin',
  operationId: 'adminListPublishableKeys',
  summary: 'A channel’s publishable keys',
  tags: ['admin', 'channels'],
  request: { path: channelPath },
  responses: { 200: { description: 'The keys, oldest first', schema: keyListSchema } },
  problems: { 404: ['channel_not_found'] },
  handle: async ({ path }, { channels, keys }) => {
    // The channel read only answers 404 for an unknown one; the keys are read beside it.
    const [, items] = await Promise.all([channels.get(path.channelId), keys.list(path.channelId)]);
    return json(200, { items }, noStore);
  },
});
