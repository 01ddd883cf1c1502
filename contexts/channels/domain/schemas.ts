import { z } from 'zod';
import { currencyCode } from '#platform/money/currencies.ts';
import { lineText, multilineText } from '#platform/text/schema.ts';

/** The channel every request without a publishable key is served by; it always exists. */
export const DEFAULT_CHANNEL_ID = 'default';

/** A channel id: lower-case words joined by hyphens, chosen by the admin (products name it). */
export const channelId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected lower-case words joined by hyphens');

const locationId = z.string().min(1).max(64);
// Requests check the characters; the stored and published shape below does not, so older items still read.
const name = lineText().trim().min(1).max(100);
const description = multilineText().max(1000);

/**
 * A sales channel (a storefront: web, app, marketplace, retail). `null` currencies or locations mean
 * "all of them, present and future" (only the default channel has that); a non-default channel sees
 * only the products whose `channelIds` name it.
 */
export const channelSchema = z
  .object({
    id: channelId,
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000),
    currencies: z.array(currencyCode).min(1).max(10).nullable(),
    stockLocationIds: z.array(locationId).min(1).max(50).nullable(),
    isDefault: z.boolean(),
    version: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Channel' });
export type Channel = z.infer<typeof channelSchema>;

const currencies = z
  .array(currencyCode)
  .min(1)
  .max(10)
  .refine((c) => new Set(c).size === c.length, 'Each currency once');
const stockLocationIds = z
  .array(locationId)
  .min(1)
  .max(50)
  .refine((l) => new Set(l).size === l.length, 'Each location once');

/** `POST /admin/channels`. */
export const createChannelInput = z.strictObject({
  id: channelId,
  name,
  description: description.default(''),
  currencies,
  stockLocationIds,
});
export type CreateChannelInput = z.infer<typeof createChannelInput>;

/** `PATCH /admin/channels/{channelId}`: the fields to change and the version they were read at. */
export const updateChannelInput = z.strictObject({
  version: z.number().int().positive().max(1_000_000_000),
  name: name.optional(),
  description: description.optional(),
  currencies: currencies.optional(),
  stockLocationIds: stockLocationIds.optional(),
});
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

export const channelPath = z.strictObject({ channelId });

/** A publishable key: `pk_` and 32 hex digits. Not a secret (it ships in storefront code), but revocable. */
export const publishableKeyText = z.string().regex(/^pk_[0-9a-f]{32}$/, 'Expected pk_ and 32 hex digits');

export const publishableKeySchema = z
  .object({
    id: publishableKeyText.meta({ description: 'The key itself: send it as `x-publishable-api-key`' }),
    channelId,
    title: z.string().max(100),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PublishableKey' });
export type PublishableKey = z.infer<typeof publishableKeySchema>;

/** `POST /admin/channels/{channelId}/publishable-keys`. */
export const createKeyInput = z.strictObject({
  title: lineText().trim().min(1).max(100).default('Storefront'),
});

export const keyPath = z.strictObject({ channelId, keyId: publishableKeyText });

export const channelListSchema = z.object({ items: z.array(channelSchema).max(1000) });
export const keyListSchema = z.object({ items: z.array(publishableKeySchema).max(1000) });
