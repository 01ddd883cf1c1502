import { z } from 'zod';
import { slugText } from '#contexts/catalog/domain/schemas.ts';
import { lineText } from '#platform/text/schema.ts';
import { shippingOptionSchema } from './shipping-schemas.ts';

/** An option's id: slug-like (`standard-eu`), so it reads well in carts, orders and URLs. */
export const shippingOptionId = slugText(64);

/** The version the client read: a write applies only while it is current (409 `version_conflict`). */
const expectedVersion = z.number().int().positive().max(1_000_000_000);

/** A shipping option as stored and answered: the engine's option plus its version and timestamps. */
export const storedShippingOptionSchema = shippingOptionSchema.extend({
  id: shippingOptionId,
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoredShippingOption = z.infer<typeof storedShippingOptionSchema>;

type OptionFields = Omit<z.infer<typeof shippingOptionSchema>, 'id'>;

/**
 * Rules the engine's schema leaves open but an admin must not break: each country once, and a rate
 * priced in at least one currency (an option without amounts can never be quoted).
 */
const checkOption = (option: OptionFields, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  option.countries.forEach((country, i) => {
    if (seen.has(country))
      ctx.addIssue({ code: 'custom', path: ['countries', i], message: `${country} is listed twice` });
    seen.add(country);
  });
  const rate = option.rate;
  if (rate.type === 'flat' && Object.keys(rate.amounts).length === 0)
    ctx.addIssue({ code: 'custom', path: ['rate', 'amounts'], message: 'Give an amount in a currency' });
  if (rate.type === 'weight')
    rate.tiers.forEach((tier, i) => {
      if (Object.keys(tier.amounts).length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['rate', 'tiers', i, 'amounts'],
          message: 'Give an amount in a currency',
        });
    });
};

// Requests check the name's characters; the engine's shape does not, so stored options still load.
const name = lineText().min(1).max(120);

/** `POST /admin/shipping-options`: a new option; without `id` the server makes one. */
export const createShippingOptionInput = shippingOptionSchema
  .extend({ id: shippingOptionId.optional(), name })
  .superRefine(checkOption);
export type CreateShippingOptionInput = z.infer<typeof createShippingOptionInput>;

/** `PUT /admin/shipping-options/{optionId}`: the whole option (an absent `freeAbove` removes it). */
export const replaceShippingOptionInput = shippingOptionSchema
  .omit({ id: true })
  .extend({ version: expectedVersion, name })
  .superRefine(checkOption);
export type ReplaceShippingOptionInput = z.infer<typeof replaceShippingOptionInput>;

/** Path of the one-option routes. */
export const shippingOptionPath = z.strictObject({ optionId: shippingOptionId });

/** `DELETE …?version=N`: when given, the delete applies only to that version. */
export const deleteShippingOptionQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(1_000_000_000).optional(),
});
