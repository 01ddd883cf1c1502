import { z } from 'zod';
import { currencyCode } from '#contexts/catalog/domain/schemas.ts';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';

/** The bus source of every cart event. */
export const CARTS_SOURCE = 'commerce.carts' as const;

const cartId = z.string().max(64);
const customerId = z.string().max(128).optional();

/** `CartCreated`: a shopper started a cart (a guest's, or a signed-in customer's) in a sales channel. */
export const cartCreatedData = z.object({
  cartId,
  currency: currencyCode,
  customerId,
  /**
   * Added in schema version 2 (docs/channels.md); version 1 events were all the default channel's, so
   * one still queued or replayed parses as that.
   */
  channelId: z.string().max(40).default(DEFAULT_CHANNEL_ID),
});

/** `CartCheckedOut`: a cart became an order and can no longer change (emitted by checkout). */
export const cartCheckedOutData = z.object({ cartId, orderId: z.string().max(64), customerId });

/** `CartAbandoned`: an open cart with an e-mail sat unchanged for the configured idle time; once per idle spell. */
export const cartAbandonedData = z.object({
  cartId,
  email: z.string().max(254),
  customerId,
  currency: currencyCode,
  lines: z.array(z.object({ variantId: z.string().max(64), quantity: z.number().int().positive() })).max(100),
  lastActivityAt: z.iso.datetime(),
});

/** `CartCreated`'s `detail.schemaVersion`: 2 since it carries the cart's channel. */
export const CART_CREATED_VERSION = 2;

/** The cart events as the events catalog lists them. */
export const cartEvents = [
  {
    source: CARTS_SOURCE,
    detailType: 'CartCreated',
    schema: cartCreatedData,
    schemaVersion: CART_CREATED_VERSION,
  },
  { source: CARTS_SOURCE, detailType: 'CartCheckedOut', schema: cartCheckedOutData },
  { source: CARTS_SOURCE, detailType: 'CartAbandoned', schema: cartAbandonedData },
] as const;
