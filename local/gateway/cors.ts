import type { CorsDef } from '#platform/definition/types.ts';
import type { HttpResponse } from './response.ts';

/**
 * API Gateway's CORS handling for HTTP APIs ("Configure CORS for HTTP APIs in API Gateway",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html):
 * - CORS headers are returned only to a request with an `Origin`; a preflight is an `OPTIONS` request
 *   with `Origin` and `Access-Control-Request-Method`.
 * - A preflight that no route takes is answered by API Gateway itself ("even if there isn't an OPTIONS
 *   route"); routes are selected first, and `$default` or an `ANY` route catches `OPTIONS` too.
 * - To an integration's response API Gateway adds the configured CORS headers and drops any CORS
 *   headers the integration returned.
 * What API Gateway answers a preflight it refuses is not documented: it is observed as 204 without any
 * `Access-Control-*` header, which the browser then refuses; the gateway answers the same.
 */
export type CorsHeaders = Readonly<Record<string, string>>;

type Headers = Readonly<Record<string, readonly string[]>>;

const first = (headers: Headers, name: string): string | undefined => headers[name]?.[0];

/** True for a CORS preflight: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
export const isPreflight = (method: string, headers: Headers): boolean =>
  method === 'OPTIONS' &&
  first(headers, 'origin') !== undefined &&
  first(headers, 'access-control-request-method') !== undefined;

/** `*`, an exact origin, or `https://*` / `http://*` (any origin of that scheme). */
const originAllowed = (cors: CorsDef, origin: string): boolean =>
  cors.allowOrigins.some((allowed) => {
    if (allowed === '*') return true;
    if (allowed.endsWith('://*')) return origin.toLowerCase().startsWith(allowed.slice(0, -1).toLowerCase());
    return allowed.toLowerCase() === origin.toLowerCase();
  });

const allowOrigin = (cors: CorsDef, origin: string): Record<string, string> => ({
  'access-control-allow-origin': cors.allowOrigins.includes('*') ? '*' : origin,
});

/**
 * The headers answering a preflight: the allow-lists when the origin, the requested method and every
 * requested header are allowed; undefined when any is not (the preflight is refused).
 */
export function preflightHeaders(cors: CorsDef, headers: Headers): CorsHeaders | undefined {
  const origin = first(headers, 'origin');
  const method = first(headers, 'access-control-request-method')?.trim().toUpperCase();
  if (origin === undefined || method === undefined || !originAllowed(cors, origin)) return undefined;
  const methods: readonly string[] = cors.allowMethods;
  if (!methods.includes(method) && !methods.includes('*')) return undefined;
  const requested = (headers['access-control-request-headers'] ?? [])
    .flatMap((h) => h.split(','))
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const allowed = new Set(cors.allowHeaders.map((h) => h.toLowerCase()));
  if (!allowed.has('*') && requested.some((h) => !allowed.has(h))) return undefined;
  return {
    ...allowOrigin(cors, origin),
    'access-control-allow-methods': cors.allowMethods.join(','),
    ...(cors.allowHeaders.length > 0 ? { 'access-control-allow-headers': cors.allowHeaders.join(',') } : {}),
    'access-control-max-age': String(cors.maxAgeSeconds),
  };
}

/** The headers added to the response of an actual (non-preflight) request from an allowed origin. */
export function responseHeaders(cors: CorsDef, headers: Headers): CorsHeaders | undefined {
  const origin = first(headers, 'origin');
  if (origin === undefined || !originAllowed(cors, origin)) return undefined;
  return {
    ...allowOrigin(cors, origin),
    ...(cors.exposeHeaders.length > 0
      ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') }
      : {}),
  };
}

/** API Gateway's own answer to a preflight no route takes: 204, with the allow-lists when allowed. */
export const preflightResponse = (cors: CorsDef, headers: Headers): HttpResponse => ({
  statusCode: 204,
  headers: { ...preflightHeaders(cors, headers) },
  body: Buffer.alloc(0),
});

/** An integration's response as API Gateway returns it with CORS on: its own CORS headers replaced. */
export function withCors(
  response: HttpResponse,
  cors: CorsDef,
  method: string,
  headers: Headers,
): HttpResponse {
  const kept = Object.entries(response.headers).filter(([name]) => !name.startsWith('access-control-'));
  const added = isPreflight(method, headers)
    ? preflightHeaders(cors, headers)
    : responseHeaders(cors, headers);
  return { ...response, headers: { ...Object.fromEntries(kept), ...added } };
}

/** The CORS configuration as the gateway serves it, in the terms of CloudFormation's `CorsConfiguration`. */
export interface ServedCors {
  readonly allowOrigins: string[];
  readonly allowMethods: string[];
  readonly allowHeaders: string[];
  readonly exposeHeaders: string[];
  readonly maxAge: number;
  readonly allowCredentials: boolean;
}

/** What the gateway serves for `cors` (credentials never: callers present bearer tokens, not cookies). */
export const servedCors = (cors: CorsDef): ServedCors => ({
  allowOrigins: [...cors.allowOrigins],
  allowMethods: [...cors.allowMethods],
  allowHeaders: [...cors.allowHeaders],
  exposeHeaders: [...cors.exposeHeaders],
  maxAge: cors.maxAgeSeconds,
  allowCredentials: false,
});
