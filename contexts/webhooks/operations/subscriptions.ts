import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf, replayedHeader } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { checkTarget } from '../data/resolve.ts';
import { TARGET_CHECK_UNAVAILABLE, TARGET_REFUSALS } from '../domain/errors.ts';
import {
  createWebhookInput,
  updateWebhookInput,
  webhookPageSchema,
  webhookPath,
  webhookSchema,
  webhooksQuery,
  webhookView,
  webhookWithSecretSchema,
} from '../domain/subscription.ts';
import { webhookAdminOperation } from '../wiring.ts';

/** Subscriptions name a partner's endpoint and answer secrets: never cached. */
const noStore = { 'cache-control': 'no-store' } as const;
const tags = ['webhooks', 'admin'] as const;

/** POST /admin/webhooks: a new subscription; its signing secret is shown in this answer only. */
export const createWebhook = webhookAdminOperation({
  route: 'POST /admin/webhooks',
  access: 'admin',
  operationId: 'adminCreateWebhook',
  summary: 'Subscribe a URL to domain events',
  description:
    'Events whose detail-type matches `eventTypes` (`OrderPlaced`, `Order*`, `*`) are POSTed to `url`, ' +
    'signed per Standard Webhooks. The URL must be https and resolve to a public address (checked now and ' +
    'at every send; 503 when DNS cannot answer now: retry). The answer carries the signing `secret`: it is never shown again (rotate it to get a ' +
    'new one). With an `Idempotency-Key` the id derives from it, so a retry answers the subscription it ' +
    'created (`Idempotent-Replayed: true`). See docs/webhooks.md.',
  tags: [...tags],
  request: {
    body: createWebhookInput,
    headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
  },
  responses: {
    201: {
      description: 'The subscription and its secret',
      schema: webhookWithSecretSchema,
      headers: z.object({
        location: z.string().meta({ description: 'The subscription’s URL path' }),
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .meta({ description: 'Present when this answers a retry of an earlier request' }),
      }),
    },
  },
  problems: { 400: TARGET_REFUSALS, 422: ['idempotency_key_reused'], 503: [TARGET_CHECK_UNAVAILABLE] },
  handle: async ({ body, event }, { subscriptions, settings }) => {
    await checkTarget(new URL(body.url), settings.policy);
    const { webhook, replayed } = await subscriptions.create(body, idempotencyKeyOf(event));
    return json(201, webhook, {
      location: `/admin/webhooks/${webhook.webhookId}`,
      ...noStore,
      ...replayedHeader(replayed),
    });
  },
});

/** GET /admin/webhooks: one page of subscriptions, oldest first, without secrets. */
export const listWebhooks = webhookAdminOperation({
  route: 'GET /admin/webhooks',
  access: 'admin',
  operationId: 'adminListWebhooks',
  summary: 'One page of webhook subscriptions',
  description:
    'Oldest first. Pass `nextCursor` back as `cursor` for the next page. Secrets are never listed.',
  tags: [...tags],
  request: { query: webhooksQuery },
  responses: { 200: { description: 'A page of subscriptions', schema: webhookPageSchema } },
  problems: { 400: ['invalid_cursor'] },
  handle: async ({ query }, { subscriptions }) =>
    json(200, await subscriptions.list(query.limit, query.cursor), noStore),
});

/** GET /admin/webhooks/{webhookId}: one subscription, without its secret. */
export const getWebhook = webhookAdminOperation({
  route: 'GET /admin/webhooks/{webhookId}',
  access: 'admin',
  operationId: 'adminGetWebhook',
  summary: 'One webhook subscription',
  description:
    'Its URL, patterns, whether it is active, and why it was disabled if it was. Never its secret.',
  tags: [...tags],
  request: { path: webhookPath },
  responses: { 200: { description: 'The subscription', schema: webhookSchema } },
  problems: { 404: ['webhook_not_found'] },
  handle: async ({ path }, { subscriptions }) =>
    json(200, webhookView(await subscriptions.require(path.webhookId)), noStore),
});

/** PATCH /admin/webhooks/{webhookId}: changes fields; `active: true` re-enables a disabled one. */
export const updateWebhook = webhookAdminOperation({
  route: 'PATCH /admin/webhooks/{webhookId}',
  access: 'admin',
  operationId: 'adminUpdateWebhook',
  summary: 'Change a webhook subscription',
  description:
    'A new `url` is checked as at creation. `active: true` re-enables a subscription (its failure count ' +
    'starts again at 0); `active: false` stops new deliveries and ends its pending ones.',
  tags: [...tags],
  request: { path: webhookPath, body: updateWebhookInput },
  responses: { 200: { description: 'The changed subscription', schema: webhookSchema } },
  problems: { 400: TARGET_REFUSALS, 404: ['webhook_not_found'], 503: [TARGET_CHECK_UNAVAILABLE] },
  handle: async ({ path, body }, { subscriptions, settings }) => {
    if (body.url !== undefined) await checkTarget(new URL(body.url), settings.policy);
    return json(200, webhookView(await subscriptions.update(path.webhookId, body)), noStore);
  },
});

/** DELETE /admin/webhooks/{webhookId}: no more deliveries; pending ones end as failed. */
export const deleteWebhook = webhookAdminOperation({
  route: 'DELETE /admin/webhooks/{webhookId}',
  access: 'admin',
  operationId: 'adminDeleteWebhook',
  summary: 'Remove a webhook subscription',
  description: 'Its pending deliveries end as `failed` at their next attempt; its log expires after 30 days.',
  tags: [...tags],
  request: { path: webhookPath },
  responses: { 204: { description: 'Deleted' } },
  problems: { 404: ['webhook_not_found'] },
  handle: async ({ path }, { subscriptions }) => {
    await subscriptions.delete(path.webhookId);
    return { statusCode: 204 };
  },
});

/** POST /admin/webhooks/{webhookId}/rotate-secret: a new secret, shown in this answer only. */
export const rotateWebhookSecret = webhookAdminOperation({
  route: 'POST /admin/webhooks/{webhookId}/rotate-secret',
  access: 'admin',
  operationId: 'adminRotateWebhookSecret',
  summary: 'Replace a webhook’s signing secret',
  description:
    'Every attempt from now on is signed with the new secret (retries of earlier deliveries too); the old ' +
    'one stops at once. The answer is the only place the new secret is shown.',
  tags: [...tags],
  request: { path: webhookPath },
  responses: { 200: { description: 'The subscription and its new secret', schema: webhookWithSecretSchema } },
  problems: { 404: ['webhook_not_found'] },
  handle: async ({ path }, { subscriptions }) =>
    json(200, await subscriptions.rotateSecret(path.webhookId), noStore),
});
