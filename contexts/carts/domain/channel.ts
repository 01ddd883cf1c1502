import type { Channel } from '#contexts/channels/domain/schemas.ts';
import { sellsCurrency, showsProduct } from '#contexts/channels/domain/scope.ts';
import { AppError, UnprocessableError } from '#platform/errors/index.ts';
import type { CatalogVariant } from './pricing-snapshot.ts';
import type { CartRecord } from './schemas.ts';

/** 403 `cart_channel_mismatch`: the cart belongs to another channel than the caller's publishable key. */
export class CartChannelMismatchError extends AppError {
  constructor(cart: CartRecord) {
    super({
      status: 403,
      code: 'cart_channel_mismatch',
      title: 'Cart of another channel',
      detail: `Cart ${cart.id} was started in another channel; use that channel's publishable key`,
    });
  }
}

/** Refuses a cart used through another channel's key (or without the key its channel needs). */
export const assertCartChannel = (cart: CartRecord, channel: Channel): void => {
  if (cart.channelId !== channel.id) throw new CartChannelMismatchError(cart);
};

/** 422 `currency_not_in_channel` when a cart is started in a currency the channel does not sell. */
export const assertChannelCurrency = (channel: Channel, currency: string): void => {
  if (!sellsCurrency(channel, currency))
    throw new UnprocessableError(
      `Channel ${channel.id} does not sell in ${currency}`,
      'currency_not_in_channel',
    );
};

/**
 * 422 `product_not_in_channel` when the variant's product is not shown in the cart's channel. The
 * variant item carries its product's channel ids, so the check reads nothing.
 */
export const assertVariantInChannel = (cart: CartRecord, variant: CatalogVariant): void => {
  if (!showsProduct({ id: cart.channelId }, variant.product.channelIds))
    throw new UnprocessableError(
      `Variant ${variant.id} is not sold in channel ${cart.channelId}`,
      'product_not_in_channel',
    );
};
