import { z } from 'zod';
import { multilineText } from '#platform/text/schema.ts';
import { EVENT_TYPE_PATTERN } from './patterns.ts';

/** A subscription's id: `wh_` and 22 base64url characters (server-chosen). */
export const webhookId = z.string().regex(/^wh_[A-Za-z0-9_-]{22}$/, 'Expected a webhook id (wh_…)');

/** `{webhookId}` in a path. */
export const webhookPath = z.strictObject({ webhookId });

const url = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .meta({ description: 'Where events are POSTed: https (the local cloud also allows http to localhost)' });

const eventTypes = z
  .array(z.string().regex(EVENT_TYPE_PATTERN, 'Expected a detail-type, a prefix ending in *, or *'))
  .min(1)
  .max(50)
  .meta({ description: 'Detail-types to receive: `OrderPlaced`, a prefix such as `Order*`, or `*` for all' });

const description = multilineText().max(500);

/** `POST /admin/webhooks`: a new subscription. */
export const createWebhookInput = z.strictObject({
  url,
  eventTypes,
  description: description.default(''),
  active: z.boolean().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

/** `PATCH /admin/webhooks/{webhookId}`: the fields to change (at least one). */
export const updateWebhookInput = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: description.optional(),
    active: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change');
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

/** Why a subscription stopped receiving on its own (null while an admin decides). */
export const disabledReason = z.enum(['consecutive_failures']).nullable();

/** A subscription as the admin API shows it: never its secret. */
export const webhookSchema = z.object({
  webhookId,
  url: z.string().max(2048),
  eventTypes: z.array(z.string().max(65)).max(50),
  // The request's text check stays off the answered shape, so subscriptions written before it still read.
  description: z.string().max(500),
  active: z.boolean(),
  /** Deliveries in a row that ended `failed`; the subscription is disabled at the limit. */
  consecutiveFailures: z.number().int().min(0),
  disabledReason,
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** A subscription as stored: its view and its signing secret. */
export type StoredWebhook = Webhook & { readonly secret: string };

/** What the create and rotate answers add: the secret, shown only then. */
export const webhookWithSecretSchema = webhookSchema.extend({
  secret: z
    .string()
    .startsWith('whsec_')
    .max(100)
    .meta({ description: 'The signing secret: shown only here, keep it (docs/webhooks.md#verifying)' }),
});

/** `GET /admin/webhooks`: one page. */
export const webhooksQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const webhookPageSchema = z.object({
  items: z.array(webhookSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type WebhookPage = z.infer<typeof webhookPageSchema>;

/** The view of a stored subscription (the secret left out). */
export const webhookView = ({ secret: _secret, ...view }: StoredWebhook): Webhook => view;
