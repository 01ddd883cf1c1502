import { gatewayAuthorizes } from '#platform/definition/access.ts';
import { routeKey } from '#platform/definition/environment.ts';
import type { RouteDef } from '#platform/definition/types.ts';

/** The route a request selected, with the path variables it bound (names without the greedy `+`). */
export interface RouteMatch {
  readonly route: RouteDef;
  readonly routeKey: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
}

type Segment =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

interface CompiledRoute {
  readonly route: RouteDef;
  readonly key: string;
  readonly segments: readonly Segment[];
}

/** Selects routes like API Gateway HTTP APIs: most specific path first, then method, then `$default`. */
export interface RouteTable {
  match(method: string, path: string): RouteMatch | undefined;
}

/** A route as the gateway serves it, in the terms of a CloudFormation `AWS::ApiGatewayV2::Route`. */
export interface ServedRoute {
  /** Exactly as API Gateway names it: `GET /me`, `$default`. */
  readonly routeKey: string;
  readonly function: string;
  /** `JWT` when the gateway's authorizer runs before the function, else `NONE`. */
  readonly authorizationType: 'JWT' | 'NONE';
}

/** The routes the gateway serves, each with its function and whether the authorizer guards it. */
export const servedRoutes = (routes: ReadonlyArray<RouteDef>): ServedRoute[] =>
  compile(routes).map(({ route, key }) => ({
    routeKey: key,
    function: route.function,
    authorizationType: gatewayAuthorizes(route.access) ? 'JWT' : 'NONE',
  }));

export function routeTable(routes: ReadonlyArray<RouteDef>): RouteTable {
  const compiled = compile(routes);
  const fallback = compiled.find((r) => r.route.path === '$default');
  const candidates = compiled.filter((r) => r !== fallback);
  return {
    match(method, path) {
      const requested = path.replace(/^\//, '').split('/');
      let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
      for (const candidate of candidates) {
        if (candidate.route.method !== 'ANY' && candidate.route.method !== method) continue;
        const params = bind(candidate.segments, requested);
        if (params && (!best || moreSpecific(candidate, best.compiled)))
          best = { compiled: candidate, params };
      }
      if (best) {
        const { route, key } = best.compiled;
        const bound = Object.keys(best.params).length > 0 ? { pathParameters: best.params } : {};
        return { route, routeKey: key, ...bound };
      }
      return fallback && { route: fallback.route, routeKey: fallback.key };
    },
  };
}

function compile(routes: ReadonlyArray<RouteDef>): CompiledRoute[] {
  const seen = new Set<string>();
  return routes.map((route) => {
    const key = routeKey(route);
    // API Gateway refuses a second route with the same key; so does the gateway, at start.
    if (seen.has(key)) throw new Error(`Duplicate route key: ${key}`);
    seen.add(key);
    return { route, key, segments: route.path === '$default' ? [] : parse(route.path) };
  });
}

function parse(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Route path must start with "/": ${path}`);
  const parts = path.slice(1).split('/');
  return parts.map((part, i): Segment => {
    const variable = /^\{([^{}]+)\}$/.exec(part)?.[1];
    if (variable === undefined) return { kind: 'static', value: part };
    if (!variable.endsWith('+')) return { kind: 'param', name: variable };
    if (i !== parts.length - 1) throw new Error(`A greedy path variable must end the path: ${path}`);
    return { kind: 'greedy', name: variable.slice(0, -1) };
  });
}

/** The path variables `requested` binds to `segments`, or undefined when the path does not fit. */
function bind(
  segments: readonly Segment[],
  requested: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      // `{proxy+}` catches one or more child segments, never the parent resource itself.
      const rest = requested.slice(i).join('/');
      if (rest === '') return undefined;
      params[segment.name] = rest;
      return params;
    }
    const part = requested[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'static') {
      if (segment.value !== part) return undefined;
    } else {
      // A `{param}` binds one non-empty segment: `/products/` does not reach `/products/{productId}`.
      if (part === '') return undefined;
      params[segment.name] = part;
    }
  }
  return segments.length === requested.length ? params : undefined;
}

const RANK = { static: 2, param: 1, greedy: 0 } as const;

/**
 * API Gateway's documented priority: a full match beats a greedy match, which beats `$default`. Between
 * two full (or two greedy) matches the first segment that differs decides, static over variable; on
 * equal paths a route for the exact method beats `ANY` ("ANY matches methods you haven't defined").
 */
function moreSpecific(a: CompiledRoute, b: CompiledRoute): boolean {
  const greedy = (r: CompiledRoute) => r.segments.some((s) => s.kind === 'greedy');
  if (greedy(a) !== greedy(b)) return !greedy(a);
  for (const [i, sa] of a.segments.entries()) {
    const sb = b.segments[i];
    if (sb === undefined) break;
    if (RANK[sa.kind] !== RANK[sb.kind]) return RANK[sa.kind] > RANK[sb.kind];
  }
  if (a.segments.length !== b.segments.length) return a.segments.length > b.segments.length;
  return a.route.method !== 'ANY' && b.route.method === 'ANY';
}
