import { routeKey } from './environment.ts';
import type { RouteDef, ThrottleLimit, ThrottlingDef } from './types.ts';

export type { ThrottleLimit, ThrottlingDef };

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
