import type { Channel } from '#contexts/channels/domain/schemas.ts';
import { sellsCurrency, showsProduct } from '#contexts/channels/domain/scope.ts';
import { ValidationError } from '#platform/errors/index.ts';
import type { Product } from '../domain/schemas.ts';

/** Whether the store shows the product in the channel: active, and in the channel (all are in the default). */
export const shownIn = (product: Product | undefined, channel: Channel): product is Product =>
  product?.status === 'active' && showsProduct(channel, product.channelIds);

/** The listing of a channel: undefined (every product) for the default channel, else its id. */
export const listingChannel = (channel: Channel): string | undefined =>
  channel.isDefault ? undefined : channel.id;

/** 400 `currency_not_in_channel` when a listing asks for prices in a currency the channel does not sell. */
export const checkListingCurrency = (channel: Channel, currency: string) => {
  if (!sellsCurrency(channel, currency))
    throw new ValidationError(
      `Channel ${channel.id} does not sell in ${currency}`,
      [{ path: 'query.currency', message: `the channel sells in ${channel.currencies?.join(', ')}` }],
      'currency_not_in_channel',
    );
};
