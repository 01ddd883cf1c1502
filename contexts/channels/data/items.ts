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

/**
 * The item of a publishable key, listed per channel in gsi1. A live key stores no `revokedAt`, so the
 * revocation can set it only where absent (`if_not_exists`): revoking twice keeps the first time.
 */
export const keyItem = ({ revokedAt, ...key }: PublishableKey): Item => ({
  ...publishableKeyKeys.key(key.id),
  ...publishableKeyKeys.byChannel(key.channelId, key.createdAt, key.id),
  entity: Entity.publishableKey,
  ...key,
  ...(revokedAt ? { revokedAt } : {}),
});

/** A publishable key from its item. */
export const keyFromItem = (item: Item): PublishableKey =>
  publishableKeySchema.parse({ revokedAt: null, ...item });
