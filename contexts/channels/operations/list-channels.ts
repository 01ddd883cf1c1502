import { json } from '#platform/http/response.ts';
import { channelListSchema } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** GET /admin/channels: every channel, the default one included (1 Query: there are few). */
export const listChannels = channelsAdminOperation({
  route: 'GET /admin/channels',
  access: 'admin',
  operationId: 'adminListChannels',
  summary: 'Every sales channel',
  tags: ['admin', 'channels'],
  responses: { 200: { description: 'The channels, by id', schema: channelListSchema } },
  handle: async (_input, { channels }) => json(200, { items: await channels.list() }, noStore),
});
