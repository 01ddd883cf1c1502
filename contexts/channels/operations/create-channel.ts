import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { UnknownLocationError } from '../domain/errors.ts';
import { channelSchema, createChannelInput } from '../domain/schemas.ts';
import { channelsAdminOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/channels: a new sales channel (the id is the caller's, so a retry is a 409). */
export const createChannel = channelsAdminOperation({
  route: 'POST /admin/channels',
  access: 'admin',
  operationId: 'adminCreateChannel',
  summary: 'Create a sales channel',
  description:
    'A storefront of its own: the currencies it sells in and the stock locations that serve it. It shows ' +
    'the products whose `channelIds` name it; give it a publishable key to use it. See docs/channels.md.',
  tags: ['admin', 'channels'],
  request: { body: createChannelInput, bodyLimitBytes: 8 * 1024 },
  responses: {
    201: {
      description: 'The new channel',
      schema: channelSchema,
      headers: z.object({ location: z.string().meta({ description: 'The channel’s URL path' }) }),
    },
  },
  problems: { 409: ['channel_exists'], 422: ['unknown_stock_location'] },
  handle: async ({ body }, { channels, locations }) => {
    await locations.require(body.stockLocationIds ?? [], (missing) => new UnknownLocationError(missing));
    const channel = await channels.create(body);
    return json(201, channel, { location: `/admin/channels/${channel.id}`, ...noStore });
  },
});
