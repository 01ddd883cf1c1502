import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import { type RejectionReason, rejectionReason } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { StoredShippingOption } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { optionsFor } from '#contexts/pricing/domain/shipping-options.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { callerOf } from '#platform/http/identity.ts';
import type { CartCaller, CartChange } from '../cart-service.ts';
import { findPromotionIdByCode, findVariant } from '../data/lookups.ts';
import type { CatalogVariant } from '../data/snapshot.ts';
import { addablePrice, addCode, addLine, setShippingOption } from '../domain/changes.ts';

/** The caller of a cart route: a verified customer token's subject and the `X-Cart-Token` header. */
export const cartCaller = (event: APIGatewayProxyEventV2): CartCaller => {
  const sub = callerOf(event)?.sub;
  const token = event.headers['x-cart-token'];
  return { ...(sub ? { customerId: sub } : {}), ...(token ? { token } : {}) };
};

/** POST /carts/{cartId}/items: the variant is found by id in the cart's first round trip. */
export const addItemChange = (
  table: string,
  input: { variantId: string; quantity: number },
): CartChange<CatalogVariant | undefined> => ({
  lookup: () => findVariant(table, input.variantId),
  apply: (cart, variant, now) => {
    const price = addablePrice(variant, cart.currency, now);
    return addLine(cart, variant!, input.quantity, price, now);
  },
  known: (variant) => (variant ? [variant] : []),
});

/** PUT /carts/{cartId}/shipping-method: the option must exist and serve the cart's address and currency. */
export const shippingMethodChange = (table: string, optionId: string): CartChange<StoredShippingOption> => ({
  // 404 `shipping_option_not_found` when it does not exist.
  lookup: () => new ShippingOptionRepository(table).get(optionId),
  apply: (cart, option) => {
    if (!cart.shippingAddress)
      throw new UnprocessableError(
        'Set a shipping address before choosing how to ship',
        'shipping_address_required',
      );
    if (optionsFor([option], cart.shippingAddress.country, cart.currency).length === 0)
      throw new UnprocessableError(
        `Option ${optionId} does not ship to ${cart.shippingAddress.country} in ${cart.currency}`,
        'shipping_option_unavailable',
      );
    return setShippingOption(cart, optionId);
  },
});

/**
 * Reasons that refuse an entered code outright (422 `promotion_<reason>`): nothing the shopper can do to
 * this cart makes it apply. Others (minimum not met, no matching items, a better deal, no benefit yet) keep
 * the code in the cart, shown under `promotions.rejected` with the reason, as it may apply later.
 */
const refusing: ReadonlySet<RejectionReason> = new Set(
  rejectionReason.exclude([
    'unknown_code',
    'minimum_not_met',
    'no_matching_items',
    'not_combinable',
    'no_benefit',
  ]).options,
);

/** POST /carts/{cartId}/promotions: the code is resolved, priced with the cart, then kept or refused. */
export const promotionCodeChange = (table: string, code: string): CartChange<string | undefined> => ({
  lookup: () => findPromotionIdByCode(table, code),
  apply: (cart, promotionId) => {
    if (!promotionId)
      throw new UnprocessableError(`There is no promotion with code ${code}`, 'promotion_code_unknown');
    return addCode(cart, { code, promotionId });
  },
  verify: ({ totals }) => {
    const rejection = totals.promotions.rejected.find((r) => r.code === code);
    if (rejection && refusing.has(rejection.reason))
      throw new UnprocessableError(
        `Code ${code} cannot be used: ${rejection.reason.replaceAll('_', ' ')}`,
        `promotion_${rejection.reason}`,
      );
  },
});
