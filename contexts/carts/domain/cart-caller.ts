import type { CartRecord } from './schemas.ts';
import { cartTokenMatches } from './token.ts';

/**
 * Who is calling: the verified customer (if a token was presented), the `X-Cart-Token` header, and the
 * publishable key of its storefront (`x-publishable-api-key`; none: the default channel).
 */
export interface CartCaller {
  readonly customerId?: string;
  readonly token?: string;
  readonly publishableKey?: string;
}

/**
 * The cart caller of a request: the subject of its verified customer token, if any (an operation's
 * `input.caller`), and the guest cart token it presented as `X-Cart-Token`.
 */
export const cartCaller = (
  caller: { readonly sub: string } | undefined,
  cartToken: string | undefined,
  publishableKey?: string,
): CartCaller => ({
  ...(caller?.sub ? { customerId: caller.sub } : {}),
  ...(cartToken ? { token: cartToken } : {}),
  ...(publishableKey ? { publishableKey } : {}),
});

/** Whether the caller owns the cart: the customer it belongs to, or the holder of a guest cart's token. */
export const ownsCart = (cart: CartRecord, caller: CartCaller): boolean =>
  cart.customerId ? caller.customerId === cart.customerId : cartTokenMatches(caller.token, cart.tokenHash);
