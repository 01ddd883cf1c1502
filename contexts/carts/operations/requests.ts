import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { PUBLISHABLE_KEY_HEADER } from '#contexts/channels/data/channel-resolver.ts';
import { publishableKeyHeaders } from '#contexts/channels/operations/store-headers.ts';
import { type CartCaller, cartCaller } from '../domain/cart-caller.ts';
import { cartLinePath, cartPath } from '../domain/schemas.ts';

/** The proof of a guest cart; a customer's cart is proved by the customer's token instead. */
export const cartTokenHeaders = z.object({
  'x-cart-token': z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The token `POST /carts` returned for a guest cart' }),
  ...publishableKeyHeaders.shape,
});

/** The request of a route on one cart the caller must own. */
export const ownedCart = { path: cartPath, headers: cartTokenHeaders };
/** The request of a route on one line of a cart the caller must own. */
export const ownedLine = { path: cartLinePath, headers: cartTokenHeaders };

/** How a cart route tells its owner from anyone else (in each such route’s description). */
export const ownershipNote =
  'A guest proves the cart with `X-Cart-Token`; a customer’s cart answers only to that customer’s token. ' +
  'Any other caller gets 404, as if the cart did not exist. A cart answers only to its own channel’s ' +
  'publishable key (`x-publishable-api-key`; none for the default channel): 403 `cart_channel_mismatch`.';

/** The cart caller of an operation's input: its verified caller and the `X-Cart-Token` it presented. */
export const cartCallerOf = (input: {
  readonly caller: { readonly sub: string } | undefined;
  readonly event: APIGatewayProxyEventV2;
}): CartCaller =>
  cartCaller(input.caller, input.event.headers['x-cart-token'], input.event.headers[PUBLISHABLE_KEY_HEADER]);
