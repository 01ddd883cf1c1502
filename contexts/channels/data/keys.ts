/** Every key of the channels context's items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the channels context's items (table and index partitions). */
export const channelKeyPrefixes = ['CHANNEL#', 'CHANNELS', 'PUBKEY#'] as const;

/** A channel; gsi1 `CHANNELS` lists them all in one Query (there are few). */
export const channelKeys = {
  channel: (channelId: string) => ({ pk: `CHANNEL#${channelId}`, sk: 'CHANNEL' }),
  list: (channelId: string) => ({ gsi1pk: 'CHANNELS', gsi1sk: channelId }),
  listPartition: 'CHANNELS',
};

/**
 * A publishable key, read by the key itself (one GetItem per cold key in a store function); gsi1
 * `CHANNEL#<id>#KEYS` lists a channel's keys, oldest first.
 */
export const publishableKeyKeys = {
  key: (key: string) => ({ pk: `PUBKEY#${key}`, sk: 'PUBKEY' }),
  byChannel: (channelId: string, createdAt: string, key: string) => ({
    gsi1pk: `CHANNEL#${channelId}#KEYS`,
    gsi1sk: `${createdAt}#${key}`,
  }),
  byChannelPartition: (channelId: string) => `CHANNEL#${channelId}#KEYS`,
};

/** The `entity` attribute of the channels context's items. */
export const Entity = { channel: 'CHANNEL', publishableKey: 'PUBLISHABLE_KEY' } as const;
