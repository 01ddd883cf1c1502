import { operationOf } from '#platform/http/operation.ts';
import { type DeliveryQueue, deliveryQueue } from './data/delivery-queue.ts';
import { DeliveryStore } from './data/delivery-store.ts';
import { SubscriptionStore } from './data/subscription-store.ts';
import { backoffScaleOf } from './domain/backoff.ts';
import type { TargetPolicy } from './domain/target-url.ts';

/** What this cloud states about webhooks, from the function's environment (app: per cloud). */
export interface WebhookSettings {
  readonly policy: TargetPolicy;
  /** Multiplies the retry schedule (1: the real one). */
  readonly backoffScale: number;
  /** How long the worker keeps the active subscriptions before reading them again. */
  readonly cacheMs: number;
}

/** The settings of `environment` (`WEBHOOK_ALLOW_LOOPBACK`, `WEBHOOK_BACKOFF_SCALE`, `WEBHOOK_CACHE_SECONDS`). */
export const webhookSettings = (environment: NodeJS.ProcessEnv): WebhookSettings => ({
  policy: { allowLoopback: environment.WEBHOOK_ALLOW_LOOPBACK === 'true' },
  backoffScale: backoffScaleOf(environment.WEBHOOK_BACKOFF_SCALE),
  cacheMs: Math.max(0, Number(environment.WEBHOOK_CACHE_SECONDS ?? 30) || 0) * 1000,
});

/** What the webhooks' functions use, wired once per Lambda instance over one table. */
export const webhookServices = (
  table: string,
  cursorKey: string,
  queue: DeliveryQueue | string,
  settings: WebhookSettings,
) => ({
  table,
  subscriptions: new SubscriptionStore(table, cursorKey),
  deliveries: new DeliveryStore(table, cursorKey),
  queue: typeof queue === 'string' ? deliveryQueue(queue) : queue,
  settings,
});
export type WebhookServices = ReturnType<typeof webhookServices>;

/** Declares an operation of the `webhooksAdmin` function (typed with its services). */
export const webhookAdminOperation = operationOf<WebhookServices>();
