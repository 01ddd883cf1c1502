import type { StoredWebhook } from '../domain/subscription.ts';
import { Entity, webhookKeys } from './keys.ts';

/** The item of a subscription: its keys, its list index entry and its fields. */
export const subscriptionItem = (webhook: StoredWebhook) => ({
  ...webhookKeys.subscription(webhook.webhookId),
  ...webhookKeys.subscriptionIndex(webhook.createdAt, webhook.webhookId),
  entity: Entity.subscription,
  ...webhook,
});

/** A subscription read back from its item. */
export const subscriptionFromItem = (item: Record<string, unknown>): StoredWebhook => ({
  webhookId: String(item.webhookId),
  url: String(item.url),
  eventTypes: (item.eventTypes as string[]) ?? [],
  description: String(item.description ?? ''),
  active: item.active === true,
  consecutiveFailures: Number(item.consecutiveFailures ?? 0),
  disabledReason: (item.disabledReason as StoredWebhook['disabledReason']) ?? null,
  disabledAt: (item.disabledAt as string | null) ?? null,
  createdAt: String(item.createdAt),
  updatedAt: String(item.updatedAt),
  secret: String(item.secret),
});
