import { z } from 'zod';
import { channelId, channelSchema } from './domain/schemas.ts';

/** The bus source of every channels event. */
export const CHANNELS_SOURCE = 'commerce.channels' as const;

/** `ChannelCreated` and `ChannelUpdated`: the channel as it now is. */
export const channelChangedData = channelSchema;

/** `ChannelDeleted`: the channel is gone; its publishable keys no longer resolve. */
export const channelDeletedData = z.object({ channelId });

/** Every channels event with its `data` schema (for the events catalog and for consumers). */
export const channelsEvents = [
  { source: CHANNELS_SOURCE, detailType: 'ChannelCreated', schema: channelChangedData },
  { source: CHANNELS_SOURCE, detailType: 'ChannelUpdated', schema: channelChangedData },
  { source: CHANNELS_SOURCE, detailType: 'ChannelDeleted', schema: channelDeletedData },
] as const;
