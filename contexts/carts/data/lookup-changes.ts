import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import type { StoredShippingOption } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { addablePrice, addLine, chooseShippingOption } from '../domain/changes.ts';
import { assertVariantInChannel } from '../domain/channel.ts';
import { attemptsExceeded, type CodeAttemptLimits } from '../domain/code-attempts.ts';
import { stampPriceWhenAdded } from '../domain/pricing.ts';
import type { CatalogVariant } from '../domain/pricing-snapshot.ts';
import { enterCode, isCodeRefusal, refuseUnusableCode } from '../domain/promotion-codes.ts';
import type { CartChange } from './cart-service.ts';
import { type CodeAttempt, chargeCodeAttempt } from './code-attempts.ts';
import { findPromotionIdByCode, findVariant } from './lookups.ts';

/*
 * The cart changes that read the table first: the read is made in the same round trip as the cart's
 * own (`CartService.change`), then the pure change from domain/ is applied to what it found.
 */

/**
 * POST /carts/{cartId}/items: the variant is found by id in the cart's first round trip; the cart is saved
 * once priced, its line at the price it is priced at.
 */
export const addItemChange = (
  table: string,
  input: { variantId: string; quantity: number },
): CartChange<CatalogVariant | undefined> => ({
  lookup: () => findVariant(table, input.variantId),
  apply: (cart, variant, now) => {
    const price = addablePrice(variant, cart.currency, now);
    assertVariantInChannel(cart, variant!);
    return addLine(cart, variant!, input.quantity, price, now);
  },
  known: (variant) => (variant ? [variant] : []),
  // The line remembers the price it is sold at, a price list's when one applies, not the catalog's.
  settle: (cart, snapshot, now) => stampPriceWhenAdded(cart, input.variantId, snapshot, now),
});

/** PUT /carts/{cartId}/shipping-method: the option must exist and serve the cart's address and currency. */
export const shippingMethodChange = (table: string, optionId: string): CartChange<StoredShippingOption> => ({
  // 404 `shipping_option_not_found` when it does not exist.
  lookup: () => new ShippingOptionRepository(table).get(optionId),
  apply: (cart, option) => chooseShippingOption(cart, option),
});

/** What entering a code reads: the promotion it names, and the attempt it was charged as. */
export interface CodeLookup {
  readonly promotionId: string | undefined;
  readonly attempt: CodeAttempt;
}

/**
 * POST /carts/{cartId}/promotions: the code is resolved and its attempt charged (both beside the cart's
 * read), priced with the cart, then kept or refused. The slot stays spent only when the code itself was
 * refused; a cart over its limit answers 429 before the code is judged, so a good guess is not told apart.
 */
export const promotionCodeChange = (
  table: string,
  input: { cartId: string; code: string },
  limits: CodeAttemptLimits,
  now: Date,
): CartChange<CodeLookup> => ({
  lookup: async () => {
    const [promotionId, attempt] = await Promise.all([
      findPromotionIdByCode(table, input.code),
      chargeCodeAttempt(table, input.cartId, limits, now),
    ]);
    return { promotionId, attempt };
  },
  apply: (cart, { promotionId, attempt }) => {
    // Judged after the cart's ownership: a stranger's 404 never says how many guesses a cart has left.
    if (!attempt.allowed) throw attemptsExceeded(attempt.retryAfterSeconds);
    return enterCode(cart, input.code, promotionId);
  },
  verify: ({ totals }) => refuseUnusableCode(totals, input.code),
  ended: async ({ attempt }, error) => {
    if (attempt.allowed && !isCodeRefusal(error)) await attempt.refund();
  },
});
