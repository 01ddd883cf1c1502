import { z } from 'zod';
import { channelPath } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';

const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().max(1_000_000_000) });

/** DELETE /admin/channels/{channelId}?version=: removes a channel; its keys stop resolving. */
export const deleteChannel = channelsAdminOperation({
  route: 'DELETE /admin/channels/{channelId}',
  access: 'admin',
  operationId: 'adminDeleteChannel',
  summary: 'Delete a sales channel',
  description:
    'Its publishable keys answer 401 `invalid_publishable_key` within 30 seconds, and go on doing so ' +
    'if a channel is created again with the same id. The default channel ' +
    'cannot be deleted (409 `default_channel_fixed`).',
  tags: ['admin', 'channels'],
  request: { path: channelPath, query: versionQuery },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['channel_not_found'], 409: ['version_conflict', 'default_channel_fixed'] },
  handle: async ({ path, query }, { channels }) => {
    await channels.delete(path.channelId, query.version);
    return { statusCode: 204 };
  },
});
