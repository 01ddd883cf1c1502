import type { Access } from './access.ts';
import { routeKey } from './environment.ts';
import type { RouteDef } from './types.ts';

/**
 * API Gateway's route throttling, declared once for both clouds: a token bucket per route that holds
 * `burstLimit` requests and refills at `rateLimit` a second. Each route gets its own bucket, so a flood
 * of one route answers 429 on that route only, never on the Stripe webhook or the storefront.
 */
export interface ThrottleLimit {
  /** Steady requests per second. */
  readonly rateLimit: number;
  /** The bucket's size: requests accepted at once after a quiet spell. */
  readonly burstLimit: number;
}

/**
 * The limits of a definition: named groups of routes, the group each route falls in by its access and
 * method (so a new operation needs no entry here), and the routes that need another group by route key.
 */
export interface ThrottlingDef {
  readonly groups: Readonly<Record<string, ThrottleLimit>>;
  /** The group of a route that `routes` does not name, by its access; `read` is for its GETs. */
  readonly byAccess: Readonly<Record<Access, { readonly read: string; readonly write: string }>>;
  /** Route keys (`POST /webhooks/stripe`, `$default`) placed in a group of their own choosing. */
  readonly routes?: Readonly<Record<string, string>>;
  /**
   * Functions that must never be starved of Lambda concurrency by the others (the Stripe webhook): each
   * gets the stage's reserved concurrency (`-c reservedConcurrency=`; 0 reserves nothing).
   */
  readonly reservedFor?: readonly string[];
}

/** Per-stage replacements of some groups' limits (`-c throttle=checkout=100/200`). */
export type ThrottleOverrides = Readonly<Record<string, ThrottleLimit>>;

/** A route's throttling: its key, its group and that group's limits on the stage. */
export interface RouteThrottle extends ThrottleLimit {
  readonly routeKey: string;
  readonly group: string;
}

/** The limits of a definition that declares none: the single stage-wide throttle of earlier releases. */
export const UNDECLARED_LIMIT: ThrottleLimit = { rateLimit: 100, burstLimit: 200 };

/**
 * Every route's limits, in the order of `routes`. Throws on a group or route key the declaration names
 * but does not have, and on an override of an unknown group, so a typo never leaves a route unguarded.
 */
export const routeThrottles = (
  routes: readonly RouteDef[],
  throttling: ThrottlingDef | undefined,
  overrides: ThrottleOverrides = {},
): RouteThrottle[] => {
  if (!throttling) {
    if (Object.keys(overrides).length > 0)
      throw new Error('Throttle overrides need a throttling declaration.');
    return routes.map((r) => ({ routeKey: routeKey(r), group: 'stage', ...UNDECLARED_LIMIT }));
  }
  const limits = { ...throttling.groups, ...overrides };
  const known = (group: string, where: string): string => {
    if (!(group in throttling.groups)) throw new Error(`Unknown throttle group "${group}" (${where}).`);
    return group;
  };
  for (const group of Object.keys(overrides)) known(group, 'a stage override');
  const keys = new Set(routes.map(routeKey));
  for (const [key, group] of Object.entries(throttling.routes ?? {})) {
    if (!keys.has(key)) throw new Error(`Throttling names route "${key}", which the definition lacks.`);
    known(group, key);
  }
  return routes.map((route) => {
    const key = routeKey(route);
    const byAccess = throttling.byAccess[route.access];
    const group = known(
      throttling.routes?.[key] ?? (route.method === 'GET' ? byAccess.read : byAccess.write),
      `access ${route.access}`,
    );
    return { routeKey: key, group, ...(limits[group] as ThrottleLimit) };
  });
};

const OVERRIDE = /^([A-Za-z][A-Za-z0-9]*)=(\d+(?:\.\d+)?)\/(\d+)$/;

/** `checkout=100/200,admin=20/40` (group=rate/burst) → overrides; throws on anything else. */
export const parseThrottleOverrides = (value: string): ThrottleOverrides => {
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [, group, rate, burst] = OVERRIDE.exec(part) ?? [];
      if (group === undefined || rate === undefined || burst === undefined)
        throw new Error(`Invalid throttle "${part}": use <group>=<rate>/<burst>, e.g. checkout=100/200.`);
      return [group, { rateLimit: Number(rate), burstLimit: Number(burst) }] as const;
    });
  if (entries.length === 0) throw new Error('Invalid throttle "": use <group>=<rate>/<burst>[,…].');
  return Object.fromEntries(entries);
};
