/**
 * A guest order's token is checked like a guest cart's (only its SHA-256 stored, compared in constant
 * time), so the cart's functions serve under the order's names. Checkout derives the token itself, as an
 * HMAC of the order id (`contexts/checkout/domain/ids.ts`), so a retried checkout answers the same token.
 */
export {
  cartTokenMatches as orderTokenMatches,
  hashCartToken as hashOrderToken,
} from '#contexts/carts/domain/token.ts';
