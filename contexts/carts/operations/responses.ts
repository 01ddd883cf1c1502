import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from '#platform/http/response.ts';
import { cartSchema } from '../domain/schemas.ts';

/** Cart answers are per shopper and change with every price and stock movement: never cached. */
export const cartHeaders = { 'cache-control': 'no-store' } as const;

/** A priced cart (or another per-shopper answer) as a response. */
export const cartResponse = (status: number, body: unknown): APIGatewayProxyStructuredResultV2 =>
  json(status, body, cartHeaders);

/** The answer of every route that changes or reads one cart. */
export const repricedCart = { 200: { description: 'The cart, repriced', schema: cartSchema } };

/** The cart does not exist, expired, or is not the caller's (never told apart). */
export const gone = 'cart_not_found';
/** Why a change to a cart is refused once it is no longer open, or moved on since it was read. */
export const closed = ['cart_checked_out', 'cart_merged', 'cart_version_conflict'];

/** What a cart route refuses about the storefront's channel: an unknown key, another channel's cart. */
export const channelProblems = {
  401: ['invalid_publishable_key'],
  403: ['cart_channel_mismatch'],
} as const;

/** Why no figure of a cart answer comes from the client. */
export const repricedNote =
  'Every figure is computed by the server from current prices, promotions, stock, shipping and tax.';
