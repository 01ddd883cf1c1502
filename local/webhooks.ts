import type { AppDefinition } from '#platform/definition/types.ts';

/** The webhooks' per-cloud facts, as their functions' environment states them (contexts/webhooks). */
export const WEBHOOK_ENV = {
  allowLoopback: 'WEBHOOK_ALLOW_LOOPBACK',
  backoffScale: 'WEBHOOK_BACKOFF_SCALE',
  cacheSeconds: 'WEBHOOK_CACHE_SECONDS',
} as const;

/** What the local cloud may change about webhooks. */
export interface LocalWebhookSettings {
  /** Multiplies the retry schedule (0 < scale ≤ 1), so a test or bench sees every attempt in seconds. */
  readonly backoffScale?: number;
  /** How long the worker caches the active subscriptions (a test subscribes and fires at once). */
  readonly cacheSeconds?: number;
}

/**
 * The definition as the local cloud serves it: receivers run on this machine, so webhooks may go to
 * loopback over http; and, when given, a shorter retry schedule and subscription cache. Only values a
 * function already states change (a definition without webhooks is served as it is).
 */
export const withLocalWebhooks = (app: AppDefinition, settings: LocalWebhookSettings = {}): AppDefinition => {
  const values: Record<string, string> = { [WEBHOOK_ENV.allowLoopback]: 'true' };
  if (settings.backoffScale !== undefined) values[WEBHOOK_ENV.backoffScale] = String(settings.backoffScale);
  if (settings.cacheSeconds !== undefined) values[WEBHOOK_ENV.cacheSeconds] = String(settings.cacheSeconds);
  const functions = Object.fromEntries(
    Object.entries(app.functions).map(([name, fn]) => {
      const stated = Object.entries(values).filter(([key]) => fn.environment && key in fn.environment);
      if (stated.length === 0) return [name, fn];
      return [name, { ...fn, environment: { ...fn.environment, ...Object.fromEntries(stated) } }];
    }),
  );
  return { ...app, functions };
};
