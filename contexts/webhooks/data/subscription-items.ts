import { type StoredWebhook, webhookWithSecretSchema } from '../domain/subscription.ts';
import { Entity, webhookKeys } from './keys.ts';

/** The item of a subscription: its keys, its list index entry and its fields. */
export const subscriptionItem = (webhook: StoredWebhook) => ({
  ...webhookKeys.subscription(webhook.webhookId),
  ...webhookKeys.subscriptionIndex(webhook.createdAt, webhook.webhookId),
  entity: Entity.subscription,
  ...webhook,
});

const { shape } = webhookWithSecretSchema;

/**
 * A subscription as stored, parsed with the create answer's schema (keys, entity and request hash
 * dropped). Every write sets the nullable fields (null, not absent); an item without one still reads as null.
 */
const storedWebhook = webhookWithSecretSchema.extend({
  disabledReason: shape.disabledReason.default(null),
  disabledAt: shape.disabledAt.default(null),
});

/** A subscription read back from its item. */
export const subscriptionFromItem = (item: Record<string, unknown>): StoredWebhook =>
  storedWebhook.parse(item);
