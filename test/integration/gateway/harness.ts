import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { app } from '#app/definition.ts';
import * as auth from '#local/auth/index.ts';
import type { JwtAuthorizerConfig } from '#local/gateway/index.ts';
import * as gateway from '#local/gateway/index.ts';
import type { RouteDef } from '#platform/definition/types.ts';

export const region = 'eu-west-1';
export const accountId = '123456789012';

export interface Call {
  readonly functionName: string;
  readonly event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

export type Behaviour = (call: Call) => Promise<unknown>;

/** Echoes the event it received as a JSON response, the way a well-behaved handler answers. */
export const echo: Behaviour = async ({ functionName, event }) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ functionName, event }),
});

/** A gateway over `routes` whose fake `invoke` records every call and answers with `behaviour`. */
export interface GatewayUnderTest {
  readonly url: string;
  readonly calls: Call[];
  /** Replaces the answer of every following call (default: `echo`). */
  behave(behaviour: Behaviour): void;
  stop(): Promise<void>;
}

export async function startGateway(
  authorizer: JwtAuthorizerConfig,
  routes: ReadonlyArray<RouteDef> = app.routes,
): Promise<GatewayUnderTest> {
  const calls: Call[] = [];
  let behaviour = echo;
  const api = await gateway.start({
    routes,
    auth: authorizer,
    region,
    accountId,
    apiId: 'testapi001',
    invoke: (functionName, event) => {
      const call = { functionName, event: event as APIGatewayProxyEventV2WithJWTAuthorizer };
      calls.push(call);
      return behaviour(call);
    },
  });
  return {
    url: api.url,
    calls,
    behave: (next) => {
      behaviour = next;
    },
    stop: () => api.stop(),
  };
}

/** The local issuer, and its settings as the gateway's JWT authorizer takes them. */
export async function startIssuer(): Promise<{ issuer: auth.Issuer; authorizer: JwtAuthorizerConfig }> {
  const issuer = await auth.start({});
  return {
    issuer,
    authorizer: { issuer: issuer.issuer, audience: issuer.clientId, jwksUrl: issuer.jwksUrl },
  };
}

/** The echoed event of a response produced by `echo`. */
export async function echoed(response: Response): Promise<Call> {
  return (await response.json()) as Call;
}
