import { describe, expect, it } from 'vitest';
import { gatewayAuthorizes } from '#platform/definition/access.ts';
import { functionEnvironment, type ResourceLocator } from '#platform/definition/environment.ts';
import type { AppDefinition, FunctionDef } from '#platform/definition/types.ts';

const fn = (description: string): FunctionDef => ({
  entry: 'functions/x.ts',
  description,
  memoryMb: 128,
  timeoutSeconds: 3,
});

const definition: AppDefinition = {
  name: 'env-test',
  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    gsis: [],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },
  functions: { cart: fn('cart'), me: fn('me'), health: fn('health'), worker: fn('worker') },
  routes: [
    { method: 'GET', path: '/carts/{cartId}', function: 'cart', access: 'optional' },
    { method: 'DELETE', path: '/carts/{cartId}', function: 'cart', access: 'customer' },
    { method: 'GET', path: '/me', function: 'me', access: 'customer' },
    { method: 'GET', path: '/health', function: 'health', access: 'public' },
  ],
  rules: {},
  queues: {},
  stateMachines: {},
  pipes: {},
};

const locator: ResourceLocator = {
  tableName: 'table',
  eventBusName: 'bus',
  queueUrl: (n) => `queue:${n}`,
  stateMachineArn: (n) => `sm:${n}`,
  secretArn: (n) => `arn:generated:${n}`,
  externalSecretArn: (n) => `arn:secret:${n}`,
  auth: {
    issuer: 'https://issuer.example/pool',
    audience: 'client-1',
    jwksUrl: 'https://issuer.example/jwks',
  },
  mail: { from: 'orders@shop.example' },
};

const envOf = (name: keyof typeof definition.functions) =>
  functionEnvironment(definition, definition.functions[name] as FunctionDef, locator);

describe('functionEnvironment and route access', () => {
  it('gives a function serving an optional route the issuer, audience and JWKS to verify tokens with', () => {
    expect(envOf('cart')).toMatchObject({
      AUTH_ISSUER: 'https://issuer.example/pool',
      AUTH_AUDIENCE: 'client-1',
      AUTH_JWKS_URL: 'https://issuer.example/jwks',
    });
    // Access itself travels in the function's operations, not in its environment.
    expect(envOf('cart').ROUTE_ACCESS).toBeUndefined();
  });

  it.each(['me', 'health', 'worker'] as const)(
    'gives %s, which serves no optional route, no AUTH_*',
    (name) => {
      expect(Object.keys(envOf(name)).filter((k) => k.startsWith('AUTH_'))).toEqual([]);
    },
  );
});

describe('gatewayAuthorizes', () => {
  it.each([
    ['public', false],
    ['optional', false],
    ['customer', true],
    ['admin', true],
  ] as const)('%s → %s', (access, authorizes) => {
    expect(gatewayAuthorizes(access)).toBe(authorizes);
  });
});
