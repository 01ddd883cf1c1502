import { z } from 'zod';
import { currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { countryCode } from './tax-schemas.ts';

const amountsByCurrency = z.partialRecord(currencyCode, minorUnits);

/** One weight band: carts up to `upToGrams` (inclusive) pay `amounts`. */
const weightTier = z.strictObject({
  upToGrams: z.number().int().positive().max(10_000_000),
  amounts: amountsByCurrency,
});

/** How an option is charged: one flat amount, or by total weight in ascending bands. */
export const shippingRateSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flat'), amounts: amountsByCurrency }),
  z.strictObject({
    type: z.literal('weight'),
    tiers: z
      .array(weightTier)
      .min(1)
      .max(20)
      .refine((t) => t.every((tier, i) => i === 0 || tier.upToGrams > t[i - 1]!.upToGrams), {
        message: 'Tiers must be in ascending upToGrams order',
      }),
  }),
]);

/** A shipping option as the store offers it: countries it serves, its rate, an optional free threshold. */
export const shippingOptionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  countries: z.array(countryCode).min(1).max(250),
  rate: shippingRateSchema,
  /** Free when the merchandise subtotal after discounts reaches this, per currency. */
  freeAbove: amountsByCurrency.optional(),
});
export type ShippingOption = z.infer<typeof shippingOptionSchema>;

export const shippingUnavailableReason = z.enum([
  'destination_not_served',
  'currency_not_supported',
  'overweight',
]);
export type ShippingUnavailableReason = z.infer<typeof shippingUnavailableReason>;
