import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/** The signed-in caller, read from the claims API Gateway's JWT authorizer verified. */
export interface Caller {
  readonly sub: string;
  readonly email?: string;
  readonly groups: readonly string[];
}

type AnyHttpEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * API Gateway passes list claims as one string: `[admin customer]`. Accept that form and a plain
 * comma- or space-separated one.
 */
const parseGroups = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

/** The caller of an authorized route, or undefined on a public route or without claims. */
export const callerOf = (event: AnyHttpEvent): Caller | undefined => {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    sub: claims.sub,
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    groups: parseGroups(claims['cognito:groups']),
  };
};
