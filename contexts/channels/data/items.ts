import { type Channel, channelSchema, type PublishableKey, publishableKeySchema } from '../domain/schemas.ts';
import { channelKeys, Entity, publishableKeyKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** The item of a channel, listed in gsi1 `CHANNELS`. */
export const channelItem = (channel: Channel): Item => ({
  ...channelKeys.channel(channel.id),
  ...channelKeys.list(channel.id),
  entity: Entity.channel,
  ...channel,
});

/** A channel from its item (zod strips the keys). */
export const channelFromItem = (item: Item): Channel => channelSchema.parse(item);

/** The item of a publishable key, listed per channel in gsi1. */
export const keyItem = (key: PublishableKey): Item => ({
  ...publishableKeyKeys.key(key.id),
  ...publishableKeyKeys.byChannel(key.channelId, key.createdAt, key.id),
  entity: Entity.publishableKey,
  ...key,
});

/** A publishable key from its item. */
export const keyFromItem = (item: Item): PublishableKey => publishableKeySchema.parse(item);
