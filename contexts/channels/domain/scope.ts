import type { Channel } from './schemas.ts';

/** What a storefront's channel lets it see and sell: pure checks over a resolved channel. */

/** Whether the channel sells in `currency` (the default channel sells in every currency). */
export const sellsCurrency = (channel: Channel, currency: string): boolean =>
  channel.currencies === null || (channel.currencies as readonly string[]).includes(currency);

/** Whether a product with these `channelIds` is visible in the channel (the default channel shows all). */
export const showsProduct = (channel: Channel, productChannelIds: readonly string[] | undefined): boolean =>
  channel.isDefault || (productChannelIds ?? []).includes(channel.id);

/** The locations the channel sells stock from; undefined means every location. */
export const locationsOf = (channel: Channel): readonly string[] | undefined =>
  channel.stockLocationIds ?? undefined;
