import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  type CorsPreflightOptions,
  HttpApi,
  HttpIntegrationType,
  HttpMethod,
  HttpRoute,
  HttpRouteIntegration,
  type HttpRouteIntegrationBindOptions,
  type HttpRouteIntegrationConfig,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { gatewayAuthorizes } from '#platform/definition/access.ts';
import { routeKey } from '#platform/definition/environment.ts';
import { routeThrottles, type ThrottleOverrides, UNDECLARED_LIMIT } from '#platform/definition/throttling.ts';
import type { AppDefinition, CorsDef, RouteDef } from '#platform/definition/types.ts';
import type { Auth } from './auth.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';

export interface CommerceHttpApiProps {
  readonly definition: AppDefinition;
  readonly auth: Auth;
  /** Encrypts the access log group. */
  readonly encryptionKey: IKey;
  /**
   * The stage's changes to the definition's throttle groups (`-c throttle=`). Every route gets its
   * group's limits as its own route settings, so one flooded route cannot starve the others.
   * @default the definition's limits
   */
  readonly throttle?: ThrottleOverrides;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * The stage's CORS origins, replacing the definition's `cors.allowOrigins`.
   * @default the definition's
   */
  readonly corsOrigins?: readonly string[];
}

// One JSON object per request (HTTP API context variables only); `sub` ties a request to a customer
// without logging the token or any personal data.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/**
 * The storefront HTTP API: one route per operation (explicit: per-route authorization and access logs),
 * JWT-authorized when `gatewayAuthorizes`, each integrated with the function that serves it. Everything
 * here lives where this is built (the root stack), routes and integrations included, wherever their
 * functions are: only each function's invoke permission sits in the function's stack.
 */
export class CommerceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;
  private readonly routes = new Map<string, HttpRoute>();
  private readonly integrations = new Map<string, FunctionIntegration>();
  private readonly definition: AppDefinition;
  private readonly throttle: ThrottleOverrides;

  constructor(scope: Construct, id: string, props: CommerceHttpApiProps) {
    super(scope, id);
    this.definition = props.definition;
    this.throttle = props.throttle ?? {};
    this.api = new HttpApi(this, 'Api', {
      apiName: Stack.of(this).stackName,
      description: `${props.definition.name} storefront and admin API`,
      // The $default stage is created below, with throttling and access logs the default one lacks.
      createDefaultStage: false,
      ...(props.definition.cors
        ? { corsPreflight: corsPreflight(props.definition.cors, props.corsOrigins) }
        : {}),
    });
    const logGroup = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Only what no route setting covers; every route built here gets its own limits (addRoutes).
      throttle: UNDECLARED_LIMIT,
      accessLogSettings: { destination: new LogGroupLogDestination(logGroup), format: accessLogFormat },
    });
    // Created on the API (in this stack) when the first route binds it.
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.auth.tokenIssuer.issuer, {
      jwtAudience: [props.auth.tokenIssuer.audience],
    });
  }

  /**
   * Builds `routes` here, each integrated with its function. A function gets one integration, made in the
   * scope of its first route in `routes`, as the single stack did: keep the definition's order, so that
   * each integration keeps its logical id.
   */
  addRoutes(routes: readonly RouteDef[], functions: Lookup<CommerceFunction>): void {
    for (const route of routes) {
      const key = routeKey(route);
      if (this.routes.has(key)) throw new Error(`Route ${key} is defined twice.`);
      this.routes.set(
        key,
        new HttpRoute(this, routeId(route), {
          httpApi: this.api,
          routeKey: cdkRouteKey(route),
          integration: this.integrationFor(route.function, functions),
          // API Gateway authenticates; the `admin` group is checked by the handler (ROUTE_ACCESS). An
          // `optional` route has no authorizer (one cannot be optional): its function verifies a token.
          authorizer: gatewayAuthorizes(route.access) ? this.authorizer : undefined,
        }),
      );
    }
    this.throttleRoutes();
  }

  /**
   * Each route's own token bucket (the stage's `RouteSettings`, keyed by route key), from the definition's
   * groups and the stage's overrides. API Gateway refuses settings for a route key it does not have yet
   * ("Unable to find Route by key"), so the stage waits for every route.
   */
  private throttleRoutes(): void {
    const built = [...this.routes.keys()];
    const limits = routeThrottles(this.definition.routes, this.definition.throttling, this.throttle);
    const settings = Object.fromEntries(
      limits
        .filter((l) => built.includes(l.routeKey))
        .map((l) => [l.routeKey, { ThrottlingRateLimit: l.rateLimit, ThrottlingBurstLimit: l.burstLimit }]),
    );
    (this.stage.node.defaultChild as CfnStage).routeSettings = settings;
    for (const route of this.routes.values()) this.stage.node.addDependency(route);
  }

  private integrationFor(name: string, functions: Lookup<CommerceFunction>): FunctionIntegration {
    const existing = this.integrations.get(name);
    if (existing) return existing;
    const created = new FunctionIntegration(`${name}Integration`, functions.get(name).fn);
    this.integrations.set(name, created);
    return created;
  }

  /** The route built for a route of the definition. */
  routeFor(route: RouteDef): HttpRoute {
    const built = this.routes.get(routeKey(route));
    if (!built) throw new Error(`No route ${routeKey(route)} in the API`);
    return built;
  }

  /** The API's base URL. */
  get url(): string {
    return this.stage.url;
  }
}

/**
 * A Lambda proxy integration (payload 2.0) with one invoke permission per function, whatever its number
 * of routes: the permission is scoped to this API (any stage, method and path of it) instead of one per
 * route, so a route costs one resource (its Route) and the function routes inside by `routeKey`. The integration is in the
 * root stack with its routes and names the function's ARN (an output of the function's nested stack);
 * the permission sits beside the function and names the API's id (a parameter of that stack). Neither
 * stack then refers back to the other: the nested stack waits for the API, the integration for the
 * nested stack.
 */
class FunctionIntegration extends HttpRouteIntegration {
  private readonly fn: IFunction;
  private permitted = false;

  constructor(id: string, fn: IFunction) {
    super(id);
    this.fn = fn;
  }

  bind(_options: HttpRouteIntegrationBindOptions): HttpRouteIntegrationConfig {
    return {
      type: HttpIntegrationType.AWS_PROXY,
      uri: this.fn.functionArn,
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    };
  }

  override completeBind(options: HttpRouteIntegrationBindOptions): void {
    if (this.permitted) return;
    this.permitted = true;
    this.fn.addPermission('ApiPermission', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(this.fn).formatArn({
        service: 'execute-api',
        resource: options.route.httpApi.apiId,
        resourceName: '*/*/*',
      }),
    });
  }
}

/**
 * The API's CORS configuration. Per "Configure CORS for HTTP APIs in API Gateway"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html), API Gateway then
 * answers a preflight that no route takes itself, adds these headers to integrations' responses and
 * ignores CORS headers the functions return. Routes are selected first: `$default` catches `OPTIONS`,
 * so the `notFound` function answers a preflight with 204 and API Gateway adds the headers.
 */
const corsPreflight = (
  cors: CorsDef,
  origins: readonly string[] = cors.allowOrigins,
): CorsPreflightOptions => ({
  allowOrigins: [...origins],
  allowMethods: cors.allowMethods.map((m) => CorsHttpMethod[m]),
  allowHeaders: [...cors.allowHeaders],
  exposeHeaders: [...cors.exposeHeaders],
  maxAge: Duration.seconds(cors.maxAgeSeconds),
  // Bearer tokens travel in `Authorization`, never in cookies: nothing needs credentialed requests.
  allowCredentials: false,
});

/** `$default` is HTTP API's catch-all route: it answers whatever no other route matches. */
const cdkRouteKey = (route: RouteDef): HttpRouteKey =>
  route.path === '$default' ? HttpRouteKey.DEFAULT : HttpRouteKey.with(route.path, HttpMethod[route.method]);

/** A readable construct id: `GET /products/{productId}` → `Route-GET-products-productId`. */
const routeId = (route: RouteDef): string =>
  `Route-${route.method}-${route.path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;
