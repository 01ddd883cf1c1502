import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Invoke } from '#local/lambda/types.ts';
import { gatewayAuthorizes } from '#platform/definition/access.ts';
import type { CorsDef, RouteDef } from '#platform/definition/types.ts';
import { type Authorize, type JwtAuthorizerConfig, jwtAuthorizer } from './authorizer.ts';
import { isPreflight, preflightResponse, withCors } from './cors.ts';
import { type EventContext, formatEvent, withJwtAuthorizer } from './event.ts';
import { newRequestId, PAYLOAD_LIMIT_BYTES, readBody, toGatewayRequest } from './request.ts';
import { gatewayResponse, type HttpResponse, internalServerError, toHttpResponse } from './response.ts';
import { type RouteTable, routeTable } from './routes.ts';
import { type RouteLimit, routeThrottle, type Throttle } from './throttle.ts';

export interface GatewayOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  readonly routes: ReadonlyArray<RouteDef>;
  readonly invoke: Invoke;
  /** The JWT authorizer guarding every `customer` and `admin` route. */
  readonly auth: JwtAuthorizerConfig;
  readonly region: string;
  readonly accountId: string;
  /** Default: ten random [a-z0-9] characters, like an API Gateway API id. */
  readonly apiId?: string;
  /** Default `$default`: no path prefix. A named stage is served under `/<stage>`, as in AWS. */
  readonly stage?: string;
  /** How long API Gateway waits for the function before answering 503. Default 30, the HTTP API maximum. */
  readonly integrationTimeoutSeconds?: number;
  /** The API's CORS configuration; absent: no CORS handling at all, as in AWS. */
  readonly cors?: CorsDef;
  /** Each route's throttling (the stage's route settings in AWS); absent: none. */
  readonly throttles?: readonly RouteLimit[];
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface Pipeline {
  readonly table: RouteTable;
  readonly authorize: Authorize;
  readonly invoke: Invoke;
  readonly context: EventContext;
  readonly timeoutMs: number;
  readonly cors: CorsDef | undefined;
  readonly throttle: Throttle;
  port: number;
}

/** Starts the local API Gateway HTTP API: routes, JWT authorizer and Lambda proxy (payload 2.0). */
export async function start(options: GatewayOptions): Promise<Gateway> {
  const pipeline: Pipeline = {
    table: routeTable(options.routes),
    authorize: jwtAuthorizer(options.auth),
    invoke: options.invoke,
    context: {
      accountId: options.accountId,
      apiId: options.apiId ?? randomApiId(),
      region: options.region,
      stage: options.stage ?? '$default',
    },
    timeoutMs: (options.integrationTimeoutSeconds ?? 30) * 1000,
    cors: options.cors,
    throttle: routeThrottle(options.throttles ?? []),
    port: 0,
  };
  const server = createServer((req, res) => void serve(pipeline, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  pipeline.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${pipeline.port}`,
    port: pipeline.port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  let response: HttpResponse;
  try {
    response = await handle(pipeline, req, requestId);
  } catch {
    // Whatever failed, the client sees API Gateway's bare 500, never a stack trace.
    response = internalServerError();
  }
  try {
    res.writeHead(response.statusCode, { ...response.headers, 'apigw-requestid': requestId });
    res.end(response.body);
  } catch {
    // A header the function returned that HTTP cannot carry (e.g. a newline in a value).
    const fallback = internalServerError();
    if (!res.headersSent)
      res.writeHead(fallback.statusCode, { ...fallback.headers, 'apigw-requestid': requestId });
    res.end(fallback.body);
  }
}

async function handle(pipeline: Pipeline, req: IncomingMessage, requestId: string): Promise<HttpResponse> {
  const receivedAt = new Date();
  const body = await readBody(req, PAYLOAD_LIMIT_BYTES);
  if (!body) return gatewayResponse(413, 'Request Entity Too Large');
  const request = toGatewayRequest(req, body, { requestId, receivedAt, port: pipeline.port });

  const path = routingPath(request.rawPath, pipeline.context.stage);
  const match = path === undefined ? undefined : pipeline.table.match(request.method, path);
  const { cors } = pipeline;
  // Routes are selected first: only a preflight that no route (not even `$default`) takes is answered
  // by the gateway itself (cors.ts cites the AWS documentation).
  if (!match && cors && isPreflight(request.method, request.headers)) {
    return preflightResponse(cors, request.headers);
  }
  if (!match) return gatewayResponse(404, 'Not Found');
  // Throttling comes before the authorizer and the function: a throttled request costs neither.
  if (!pipeline.throttle.admit(match.routeKey)) return gatewayResponse(429, 'Too Many Requests');

  const event = formatEvent(request, match, pipeline.context);
  const integrated = (response: HttpResponse) =>
    cors ? withCors(response, cors, request.method, request.headers) : response;
  // `public` and `optional` routes have no authorizer: an `optional` route's function verifies a
  // presented token itself, exactly as in AWS, where an HTTP API authorizer cannot be optional.
  if (!gatewayAuthorizes(match.route.access)) {
    return integrated(await respond(pipeline, match.route.function, event));
  }
  const auth = await pipeline.authorize(request.headers.authorization?.[0]);
  if (!auth.ok) return gatewayResponse(401, 'Unauthorized', { 'www-authenticate': auth.challenge });
  return integrated(
    await respond(pipeline, match.route.function, withJwtAuthorizer(event, auth.claims, auth.scopes)),
  );
}

async function respond(pipeline: Pipeline, functionName: string, event: unknown): Promise<HttpResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<HttpResponse>((resolve) => {
    timer = setTimeout(() => resolve(gatewayResponse(503, 'Service Unavailable')), pipeline.timeoutMs);
  });
  const invoked = (async () => toHttpResponse(await pipeline.invoke(functionName, event)))().catch(
    // A failed invocation (handler error, Lambda timeout) is API Gateway's bare 500; reporting the error
    // is the Lambda runtime's job, as in AWS where it lands in the function's log group, not the API's.
    () => internalServerError(),
  );
  try {
    // Past the integration timeout API Gateway gives up with 503 while the function may still run.
    return await Promise.race([invoked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** The path routes are matched against: a named stage's prefix is not part of any route. */
function routingPath(rawPath: string, stage: string): string | undefined {
  if (stage === '$default') return rawPath;
  const prefix = `/${stage}`;
  if (rawPath === prefix) return '/';
  return rawPath.startsWith(`${prefix}/`) ? rawPath.slice(prefix.length) : undefined;
}

const randomApiId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('');
};
