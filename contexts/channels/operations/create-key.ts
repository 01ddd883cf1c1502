import { json } from '#platform/http/response.ts';
import { channelPath, createKeyInput, publishableKeySchema } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/channels/{channelId}/publishable-keys: a new `pk_…` key for a storefront of the channel. */
export const createPublishableKey = channelsAdminOperation({
  route: 'POST /admin/channels/{channelId}/publishable-keys',
  access: 'admin',
  operationId: 'adminCreatePublishableKey',
  summary: 'Create a publishable key for a channel',
  description:
    'The storefront sends it as `x-publishable-api-key` on store routes. It is not a secret (it ships in ' +
    'storefront code) but it is revocable.',
  tags: ['admin', 'channels'],
  request: { path: channelPath, body: createKeyInput, bodyLimitBytes: 1024 },
  responses: { 201: { description: 'The new key', schema: publishableKeySchema } },
  problems: { 404: ['channel_not_found'] },
  handle: async ({ path, body }, { channels, keys }) => {
    const channel = await channels.get(path.channelId);
    return json(201, await keys.create(channel.id, body.title), noStore);
  },
});
