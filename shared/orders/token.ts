/**
 * A guest order's token works exactly like a guest cart's (256 random bits, only the SHA-256 stored,
 * compared in constant time), so the cart's functions are reused under the order's names.
 */
export {
  cartTokenMatches as orderTokenMatches,
  hashCartToken as hashOrderToken,
  newCartToken as newOrderToken,
} from '../carts/token.ts';
