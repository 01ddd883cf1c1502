import { z } from 'zod';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { optionsFor } from '#contexts/pricing/domain/shipping-options.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { destinationSchema } from '#contexts/pricing/domain/tax-schemas.ts';
import { pricedShippingSchema } from '#contexts/pricing/domain/totals-schemas.ts';
import { pricingInputFor } from './pricing.ts';
import type { PricingSnapshot } from './pricing-snapshot.ts';
import type { CartRecord } from './schemas.ts';

/** GET /carts/{cartId}/shipping-options answer: each option serving the destination, quoted for this cart. */
export const shippingQuotesSchema = z
  .object({
    destination: destinationSchema.extend({
      source: z.enum(['address', 'default']).meta({
        description: '`default`: no shipping address yet, quoted for the store’s home destination',
      }),
    }),
    options: z.array(
      z.object({
        id: z.string().max(64),
        name: z.string().max(120),
        grandTotal: z.number().int().nonnegative().meta({ description: 'The cart’s total with this option' }),
        quote: pricedShippingSchema,
      }),
    ),
  })
  .meta({ id: 'ShippingQuotes' });
export type ShippingQuotes = z.infer<typeof shippingQuotesSchema>;

/**
 * Quotes every option that serves the cart's destination in its currency by pricing the whole cart with
 * it: the free-shipping threshold, weight bands, free-shipping promotions and shipping tax all apply.
 */
export const quoteShipping = (
  cart: CartRecord,
  snapshot: PricingSnapshot,
  options: readonly ShippingOption[],
  now: Date,
): ShippingQuotes => {
  const base = pricingInputFor(cart, snapshot, cart.customerId !== undefined, now);
  const quotes = optionsFor(options, base.destination.country, cart.currency).flatMap((option) => {
    const totals = priceCart({ ...base, shippingOption: option });
    return totals.shipping
      ? [{ id: option.id, name: option.name, grandTotal: totals.grandTotal, quote: totals.shipping }]
      : [];
  });
  return {
    destination: { ...base.destination, source: cart.shippingAddress ? 'address' : 'default' },
    options: quotes,
  };
};
