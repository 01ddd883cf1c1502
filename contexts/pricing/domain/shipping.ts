import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { ShippingOption, ShippingUnavailableReason } from './shipping-schemas.ts';

/** What the engine knows about the cart when it quotes shipping. */
export interface ShippingContext {
  readonly country: string;
  readonly currency: CurrencyCode;
  readonly weightGrams: number;
  /** Merchandise subtotal after line discounts, in the store's price mode: the free threshold's basis. */
  readonly discountedSubtotal: number;
}

export type ShippingQuote =
  | { readonly ok: true; readonly amount: number }
  | { readonly ok: false; readonly reason: ShippingUnavailableReason };

/**
 * The price of an option for a cart: unavailable when the option does not serve the country, has no
 * amount in the currency or no band holds the weight; 0 when the free threshold is reached; else the
 * flat amount or the first weight band whose `upToGrams` is ≥ the cart's weight.
 */
export const quoteShipping = (option: ShippingOption, cart: ShippingContext): ShippingQuote => {
  if (!option.countries.includes(cart.country)) return { ok: false, reason: 'destination_not_served' };
  const amount = rateAmount(option, cart);
  if (typeof amount === 'string') return { ok: false, reason: amount };
  const threshold = option.freeAbove?.[cart.currency];
  if (threshold !== undefined && cart.discountedSubtotal >= threshold) return { ok: true, amount: 0 };
  return { ok: true, amount };
};

const rateAmount = (option: ShippingOption, cart: ShippingContext): number | ShippingUnavailableReason => {
  const rate = option.rate;
  if (rate.type === 'flat') return rate.amounts[cart.currency] ?? 'currency_not_supported';
  const tier = rate.tiers.find((t) => cart.weightGrams <= t.upToGrams);
  if (!tier) return 'overweight';
  return tier.amounts[cart.currency] ?? 'currency_not_supported';
};
