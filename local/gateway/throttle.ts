import type { ThrottleLimit } from '#platform/definition/throttling.ts';

/** A route's limits as the gateway enforces them. */
export interface RouteLimit extends ThrottleLimit {
  readonly routeKey: string;
}

/** Whether a request to a route may go on now; each route key has its own bucket. */
export interface Throttle {
  admit(routeKey: string): boolean;
}

interface Bucket {
  readonly limit: RouteLimit;
  tokens: number;
  /** When `tokens` was last topped up. */
  at: number;
}

/**
 * API Gateway's throttling: a token bucket per route that starts full with `burstLimit` tokens and gains
 * `rateLimit` a second; a request takes one or is answered 429. A route without limits is never throttled
 * (the local cloud has no account-level bucket). `now` is in milliseconds (injected for tests).
 */
export const routeThrottle = (limits: readonly RouteLimit[], now: () => number = Date.now): Throttle => {
  const buckets = new Map<string, Bucket>(
    limits.map((l) => [l.routeKey, { limit: l, tokens: l.burstLimit, at: now() }]),
  );
  return {
    admit(routeKey) {
      const bucket = buckets.get(routeKey);
      if (!bucket) return true;
      const t = now();
      const { rateLimit, burstLimit } = bucket.limit;
      bucket.tokens = Math.min(burstLimit, bucket.tokens + ((t - bucket.at) / 1000) * rateLimit);
      bucket.at = t;
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
};
