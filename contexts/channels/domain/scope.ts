import { type Channel, DEFAULT_CHANNEL_ID } from './schemas.ts';

/** What a storefront's channel lets it see and sell: pure checks over a resolved channel. */

/** Whether the channel sells in `currency` (the default channel sells in every currency). */
export const sellsCurrency = (channel: Channel, currency: string): boolean =>
  channel.currencies === null || (channel.currencies as readonly string[]).includes(currency);

/**
 * Whether a product with these `channelIds` is visible in the channel (the default channel shows all).
 * Only the id is needed, so a cart's recorded `channelId` is checked without reading its channel.
 */
export const showsProduct = (
  channel: Pick<Channel, 'id'>,
  productChannelIds: readonly string[] | undefined,
): boolean => channel.id === DEFAULT_CHANNEL_ID || (productChannelIds ?? []).includes(channel.id);

/** The locations the channel sells stock from; undefined means every location. */
export const locationsOf = (channel: Channel): readonly string[] | undefined =>
  channel.stockLocationIds ?? undefined;
