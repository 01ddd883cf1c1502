import { json } from '#platform/http/response.ts';
import { UnknownLocationError } from '../domain/errors.ts';
import { channelPath, channelSchema, updateChannelInput } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** PATCH /admin/channels/{channelId}: rename, change currencies or locations (the version read). */
export const updateChannel = channelsAdminOperation({
  route: 'PATCH /admin/channels/{channelId}',
  access: 'admin',
  operationId: 'adminUpdateChannel',
  summary: 'Change a sales channel',
  description:
    'Storefronts see a change within 30 seconds (store functions cache channels). The default channel ' +
    'may be renamed only: it always sells every currency from every location (409 `default_channel_fixed`).',
  tags: ['admin', 'channels'],
  request: { path: channelPath, body: updateChannelInput, bodyLimitBytes: 8 * 1024 },
  responses: { 200: { description: 'The changed channel', schema: channelSchema } },
  problems: {
    404: ['channel_not_found'],
    409: ['version_conflict', 'default_channel_fixed'],
    422: ['unknown_stock_location'],
  },
  handle: async ({ path, body }, { channels, locations }) => {
    await locations.require(body.stockLocationIds ?? [], (missing) => new UnknownLocationError(missing));
    return json(200, await channels.update(path.channelId, body), noStore);
  },
});
