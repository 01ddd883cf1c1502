import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import type { ShippingOption } from './shipping-schemas.ts';

/** True when some amount of the option's rate is in `currency` (a weight band may still lack it). */
const pricedIn = (option: ShippingOption, currency: CurrencyCode): boolean =>
  option.rate.type === 'flat'
    ? option.rate.amounts[currency] !== undefined
    : option.rate.tiers.some((tier) => tier.amounts[currency] !== undefined);

/**
 * The options a cart may choose: those serving `country` with a rate in `currency`, in the given order.
 * Whether the cart's weight fits a band is the quote's answer (`overweight`), not a filter.
 */
export const optionsFor = <O extends ShippingOption>(
  options: readonly O[],
  country: string,
  currency: CurrencyCode,
): O[] => options.filter((o) => o.countries.includes(country) && pricedIn(o, currency));
