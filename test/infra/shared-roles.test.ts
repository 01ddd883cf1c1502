import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import type { AppDefinition, FunctionDef } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, synthesize } from './support.ts';

const FUNCTION = 'AWS::Lambda::Function';
const fn = (uses: FunctionDef['uses']): FunctionDef => ({
  entry: 'test/infra/fixtures/handler.ts',
  description: 'fixture',
  memoryMb: 128,
  timeoutSeconds: 10,
  uses,
});

/**
 * The fixture definition plus route-only functions with equal and with different `uses`, and
 * functions with the same `uses` that something other than a route invokes.
 */
const sharing = {
  ...fixtureDefinition,
  name: 'sharing',
  functions: {
    ...fixtureDefinition.functions,
    getOrder: fn({ table: 'read' }),
    // Same grants, written differently: still the same permission set.
    listOrders: fn({ table: 'read', bus: false, queues: [] }),
    updateOrder: fn({ table: 'readWrite' }),
    // Same `uses` as getOrder, and an `optional` route: the issuer settings are environment, not grants.
    viewCart: fn({ table: 'read' }),
    // Same `uses` as getOrder, and a schedule invokes it too: a schedule adds nothing to the role.
    sweep: fn({ table: 'read' }),
    // Same `uses` as getOrder, but only a schedule invokes it.
    tick: fn({ table: 'read' }),
  },
  routes: [
    ...fixtureDefinition.routes,
    { method: 'GET', path: '/orders/{orderId}', function: 'getOrder', access: 'customer' },
    { method: 'GET', path: '/orders', function: 'listOrders', access: 'customer' },
    { method: 'PUT', path: '/orders/{orderId}', function: 'updateOrder', access: 'admin' },
    { method: 'GET', path: '/view-carts/{cartId}', function: 'viewCart', access: 'optional' },
    { method: 'POST', path: '/admin/sweeps', function: 'sweep', access: 'admin' },
  ],
  schedules: {
    sweeper: { description: 'fixture schedule', rate: 'rate(5 minutes)', function: 'sweep' },
    ticker: { description: 'fixture schedule', rate: 'rate(5 minutes)', function: 'tick' },
  },
} as const satisfies AppDefinition;

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
const resourcesOf = (template: Template): Resources => template.toJSON().Resources;
const functionProps = (template: Template, name: string) =>
  resourcesOf(template)[logicalIdOf(template, FUNCTION, name)]?.Properties as {
    Role: { 'Fn::GetAtt': [string, string] };
    LoggingConfig: { LogGroup: { Ref: string } };
  };
const roleOf = (template: Template, name: string) => functionProps(template, name).Role['Fn::GetAtt'][0];
const logGroupOf = (template: Template, name: string) =>
  functionProps(template, name).LoggingConfig.LogGroup.Ref;
const statementsOfRole = (template: Template, role: string) =>
  Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
  ).flatMap(
    (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
  );
const apiLogsOf = (template: Template) => {
  const ids = Object.keys(template.findResources('AWS::Logs::LogGroup')).filter((id) =>
    id.includes('ApiFunctionLogs'),
  );
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

describe('roles and log groups of route-only functions', () => {
  const { template } = synthesize(sharing);
  const apiLogs = apiLogsOf(template);

  it('gives route-only functions with equal uses one role and the shared log group', () => {
    expect(roleOf(template, 'listOrders')).toBe(roleOf(template, 'getOrder'));
    expect(logGroupOf(template, 'getOrder')).toBe(apiLogs);
    expect(logGroupOf(template, 'listOrders')).toBe(apiLogs);
  });

  it('gives route-only functions with other grants another role', () => {
    const roles = ['getOrder', 'updateOrder', 'api', 'webhook'].map((n) => roleOf(template, n));
    expect(new Set(roles).size).toBe(roles.length);
    expect(logGroupOf(template, 'updateOrder')).toBe(apiLogs);
  });

  it('shares a role between equal grants whatever the environment differs in (token settings)', () => {
    expect(roleOf(template, 'viewCart')).toBe(roleOf(template, 'getOrder'));
  });

  it('lets a state machine task share too: nothing its caller grants lands on the function’s role', () => {
    expect(logGroupOf(template, 'worker')).toBe(apiLogs);
  });

  it('lets a route function that a schedule invokes too share: the rule holds a permission on the function', () => {
    expect(roleOf(template, 'sweep')).toBe(roleOf(template, 'getOrder'));
    expect(logGroupOf(template, 'sweep')).toBe(apiLogs);
  });

  it.each(['consumer', 'relay', 'tick'])(
    '%s (queue consumer, pipe target, only scheduled) keeps its own role and log group',
    (name) => {
      const role = roleOf(template, name);
      const others = Object.keys(sharing.functions).filter((n) => n !== name);
      expect(others.map((n) => roleOf(template, n))).not.toContain(role);
      expect(others.map((n) => logGroupOf(template, n))).not.toContain(logGroupOf(template, name));
      expect(logGroupOf(template, name)).not.toBe(apiLogs);
    },
  );

  it('lets a shared role write to the shared log group only, and read but not write the table', () => {
    const statements = statementsOfRole(template, roleOf(template, 'getOrder'));
    const logs = statements.filter((s) => JSON.stringify(s.Action).includes('logs:'));
    expect(logs).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [apiLogs, 'Arn'] },
      },
    ]);
    const actions = JSON.stringify(statements);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    for (const service of ['sqs:', 'states:', 'events:']) expect(actions).not.toContain(service);
  });

  it('grants each role once: no policy repeats a statement', () => {
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      const statements = (policy.Properties.PolicyDocument.Statement as unknown[]).map((s) =>
        JSON.stringify(s),
      );
      expect(statements).toEqual([...new Set(statements)]);
    }
  });
});

describe('roles of the real definition', () => {
  const { template } = synthesize(app);

  it('has every function role write to exactly one log group, the one its function logs to', () => {
    for (const name of Object.keys(app.functions)) {
      const logs = statementsOfRole(template, roleOf(template, name)).filter((s) =>
        JSON.stringify(s.Action).includes('logs:'),
      );
      expect(logs.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logGroupOf(template, name), 'Arn'] }]);
    }
  });
});
