import { json } from '#platform/http/response.ts';
import { channelPath, channelSchema } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/channels/{channelId}: one channel with its version (1 GetItem). */
export const getChannel = channelsAdminOperation({
  route: 'GET /admin/channels/{channelId}',
  access: 'admin',
  operationId: 'adminGetChannel',
  summary: 'One sales channel',
  tags: ['admin', 'channels'],
  request: { path: channelPath },
  responses: { 200: { description: 'The channel', schema: channelSchema } },
  problems: { 404: ['channel_not_found'] },
  handle: async ({ path }, { channels }) => json(200, await channels.get(path.channelId), noStore),
});
