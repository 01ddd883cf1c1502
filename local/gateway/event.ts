import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { GatewayRequest } from './request.ts';
import type { RouteMatch } from './routes.ts';

/** Where the API lives: the values API Gateway writes into every `requestContext`. */
export interface EventContext {
  readonly accountId: string;
  readonly apiId: string;
  readonly region: string;
  readonly stage: string;
}

/**
 * The payload format 2.0 event API Gateway sends a Lambda integration for `request` on `match`.
 * `stageVariables` is absent (the API defines none), and so is `pathParameters` when nothing bound.
 */
export function formatEvent(
  request: GatewayRequest,
  match: Pick<RouteMatch, 'routeKey' | 'pathParameters'>,
  context: EventContext,
): APIGatewayProxyEventV2 {
  const { cookie, ...others } = request.headers;
  const cookies = (cookie ?? []).flatMap((h) => h.split(';').map((c) => c.trim())).filter((c) => c !== '');
  // "Duplicate headers are combined with commas"; the cookie header moves to `cookies`.
  const headers = Object.fromEntries(
    Object.entries(others).map(([name, values]) => [name, values.join(',')]),
  );
  const domainName = headers.host ?? `${context.apiId}.execute-api.${context.region}.amazonaws.com`;
  const queryStringParameters = parseQuery(request.rawQueryString);
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      domainName,
      domainPrefix: domainName.replace(/:\d+$/, '').split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: match.routeKey,
      stage: context.stage,
      time: clfTime(request.receivedAt),
      timeEpoch: request.receivedAt.getTime(),
    },
    ...(match.pathParameters ? { pathParameters: { ...match.pathParameters } } : {}),
    ...body(request),
  };
}

/** The same event on a route guarded by the JWT authorizer, carrying what the authorizer verified. */
export const withJwtAuthorizer = (
  event: APIGatewayProxyEventV2,
  claims: Record<string, string>,
  scopes: string[] | null,
): APIGatewayProxyEventV2WithJWTAuthorizer => ({
  ...event,
  requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes } } },
});

// Measured against AWS: only these reach the function as text; every other type (even none, even
// form-urlencoded) arrives base64-encoded with `isBase64Encoded: true`.
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);

function body(request: GatewayRequest): { body?: string; isBase64Encoded: boolean } {
  if (request.body.length === 0) return { isBase64Encoded: false };
  const mediaType = (request.headers['content-type']?.[0] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = mediaType.startsWith('text/') || TEXT_TYPES.has(mediaType);
  return text
    ? { body: request.body.toString('utf8'), isBase64Encoded: false }
    : { body: request.body.toString('base64'), isBase64Encoded: true };
}

/** Decoded parameters (`+` is a space); a repeated key's values are joined with commas. */
function parseQuery(raw: string): Record<string, string> | undefined {
  const params = new Map<string, string>();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decodeForm(at === -1 ? pair : pair.slice(0, at));
    const value = decodeForm(at === -1 ? '' : pair.slice(at + 1));
    const previous = params.get(key);
    params.set(key, previous === undefined ? value : `${previous},${value}`);
  }
  return params.size > 0 ? Object.fromEntries(params) : undefined;
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Common Log Format time in UTC, as in `requestContext.time`: `12/Mar/2020:19:03:58 +0000`. */
export const clfTime = (at: Date): string =>
  `${two(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
  `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
