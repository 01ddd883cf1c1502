import { functionVerifiesToken } from './access.ts';
import type { AppDefinition, FunctionDef, RouteDef } from './types.ts';

/** The API Gateway route key of a route: `GET /products/{productId}`, or `$default`. */
export const routeKey = (r: RouteDef): string =>
  r.path === '$default' ? '$default' : `${r.method} ${r.path}`;

/** Where each kind of resource lives in one cloud: names, URLs and ARNs resolved by that cloud. */
export interface ResourceLocator {
  readonly tableName: string;
  readonly eventBusName: string;
  queueUrl(name: string): string;
  stateMachineArn(name: string): string;
  /** The ARN of a generated secret, read by the function at run time (never its value). */
  secretArn(name: string): string;
  /** The ARN of an external secret (one ops fill in), read by the function at run time. */
  externalSecretArn(name: string): string;
  /** The identity provider whose tokens `optional` routes verify in the function (Cognito in AWS). */
  readonly auth: TokenIssuer;
  /** Who the functions that `use` mail send as (SES in AWS, the local mail sink locally). */
  readonly mail: MailSender;
}

/** The sender of a cloud's mail: the stage's settings in AWS, a local address locally. */
export interface MailSender {
  /** `MAIL_FROM`: the From address. */
  readonly from: string;
  /** `MAIL_CONFIGURATION_SET`: the SES configuration set to send with, if any. */
  readonly configurationSet?: string;
}

/** Who signs customer tokens: the values API Gateway's JWT authorizer is configured with. */
export interface TokenIssuer {
  /** The `iss` claim. */
  readonly issuer: string;
  /** The app client id (`aud`, or `client_id` when `aud` is absent). */
  readonly audience: string;
  readonly jwksUrl: string;
}

/** The environment variable that carries a named resource, e.g. `QUEUE_URL_CATALOG_EVENTS`. */
export const envName = (prefix: 'QUEUE_URL' | 'STATE_MACHINE_ARN' | 'SECRET_ARN', name: string): string =>
  `${prefix}_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;

/**
 * The environment a function runs with, derived from what it `uses`. Both clouds call this, so a
 * variable the code needs cannot exist in one cloud and be missing in the other.
 */
export const functionEnvironment = (
  app: AppDefinition,
  fn: FunctionDef,
  where: ResourceLocator,
): Record<string, string> => {
  const env: Record<string, string> = {
    APP_NAME: app.name,
    POWERTOOLS_SERVICE_NAME: app.name,
    POWERTOOLS_METRICS_NAMESPACE: app.name,
    ...fn.environment,
  };
  // Route access travels in the function's own operations (its router checks them); only the issuer
  // settings that an `optional` route's verification needs come from the environment.
  const routes = app.routes.filter((r) => app.functions[r.function] === fn);
  // No authorizer stands in front of an `optional` route: its function verifies a presented token with
  // the same issuer, audience and keys the authorizer uses. Other functions never see these values.
  if (routes.some((r) => functionVerifiesToken(r.access))) {
    env.AUTH_ISSUER = where.auth.issuer;
    env.AUTH_AUDIENCE = where.auth.audience;
    env.AUTH_JWKS_URL = where.auth.jwksUrl;
  }
  const uses = fn.uses ?? {};
  if (uses.table) env.TABLE_NAME = where.tableName;
  if (uses.bus) env.EVENT_BUS_NAME = where.eventBusName;
  for (const q of uses.queues ?? []) env[envName('QUEUE_URL', q)] = where.queueUrl(q);
  for (const sm of uses.stateMachines ?? [])
    env[envName('STATE_MACHINE_ARN', sm)] = where.stateMachineArn(sm);
  // Only where a secret is: the value is read at run time (platform/config/secrets.ts), so it never sits
  // in the function's configuration, and a new value reaches running functions without a deploy.
  for (const s of uses.secrets ?? []) env[envName('SECRET_ARN', s)] = where.secretArn(s);
  for (const s of uses.externalSecrets ?? []) env[envName('SECRET_ARN', s)] = where.externalSecretArn(s);
  if (uses.mail) {
    env.MAIL_FROM = where.mail.from;
    if (where.mail.configurationSet) env.MAIL_CONFIGURATION_SET = where.mail.configurationSet;
  }
  return env;
};
