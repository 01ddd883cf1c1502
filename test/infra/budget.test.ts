import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { stackName, stageSettings } from '#infra/stage.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { onlyLogicalIdOf, SKIP_BUNDLING, synthesize } from './support.ts';

/**
 * CloudFormation refuses a stack of more than 500 resources. A route costs one resource (its Route: the
 * function behind it has one integration and one permission whatever its routes), a function a handful,
 * so the budget is 60% of the limit: room for the planned fulfillment, returns, webhooks, channels and
 * operations work (about 45 routes and 10 functions, ~80 resources) before anyone has to split the stack.
 */
const RESOURCE_LIMIT = 500;
const RESOURCE_BUDGET = 300;

const resourcesOf = (definition: AppDefinition) =>
  Object.values(synthesize(definition).template.toJSON().Resources as Record<string, { Type: string }>);

describe('resource budget', () => {
  it(`keeps the stack of the real definition under ${RESOURCE_BUDGET} of ${RESOURCE_LIMIT} resources`, () => {
    const resources = resourcesOf(app);
    const byType = Object.entries(Object.groupBy(resources, (r) => r.Type))
      .map(([type, list]) => [type, list?.length ?? 0] as const)
      .sort((a, b) => b[1] - a[1]);
    console.log(
      `Stack resources: ${resources.length} of ${RESOURCE_LIMIT} (budget ${RESOURCE_BUDGET}): ` +
        byType.map(([type, n]) => `${n} ${type}`).join(', '),
    );
    expect(resources.length).toBeLessThan(RESOURCE_BUDGET);
  });

  it('adds one resource per route, not one integration and one permission per route', () => {
    const resources = resourcesOf(app);
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    const httpFunctions = new Set(app.routes.map((r) => r.function)).size;
    expect(count('AWS::ApiGatewayV2::Route')).toBe(app.routes.length);
    expect(count('AWS::ApiGatewayV2::Integration')).toBe(httpFunctions);
    // Besides API Gateway's one per HTTP function: Cognito's trigger and each schedule rule invoke too.
    const otherInvokers = Object.keys(app.userPoolTriggers ?? {}).length + Object.keys(app.schedules).length;
    expect(count('AWS::Lambda::Permission')).toBe(httpFunctions + otherInvokers);
  });
});

describe('logical id stability', () => {
  /** The stack of `definition`, synthesized on its own (the support cache keys by name and stage). */
  const template = (definition: AppDefinition) =>
    Template.fromStack(
      new CommerceStack(new App({ context: SKIP_BUNDLING }), stackName('dev'), {
        definition,
        stage: stageSettings('dev'),
      }),
    );
  const before = synthesize(app).template;
  // An unrelated function with a route, a queue and a rule of its own: what the next feature adds.
  const grown = template({
    ...app,
    functions: {
      ...app.functions,
      laterFeature: {
        entry: 'test/infra/fixtures/handler.ts',
        description: 'a function added later',
        memoryMb: 256,
        timeoutSeconds: 10,
        uses: { table: 'readWrite', bus: true },
      },
    },
    routes: [...app.routes, { method: 'GET', path: '/later', function: 'laterFeature', access: 'admin' }],
    queues: {
      ...app.queues,
      later: {
        description: 'later',
        consumer: 'laterFeature',
        batchSize: 10,
        visibilityTimeoutSeconds: 30,
        maxReceiveCount: 3,
      },
    },
    rules: {
      ...app.rules,
      later: { description: 'later', pattern: { source: ['commerce.later'] }, queue: 'later' },
    },
  });

  it.each([
    ['table', 'AWS::DynamoDB::GlobalTable'],
    ['event bus', 'AWS::Events::EventBus'],
    ['user pool', 'AWS::Cognito::UserPool'],
    ['data key', 'AWS::KMS::Key'],
    ['HTTP API', 'AWS::ApiGatewayV2::Api'],
  ])('keeps the %s’s logical id when an unrelated function is added', (_, type) => {
    expect(onlyLogicalIdOf(grown, type)).toBe(onlyLogicalIdOf(before, type));
  });

  it('keeps every existing resource’s logical id when an unrelated function is added', () => {
    const ids = (t: Template) => Object.keys(t.toJSON().Resources as object);
    const kept = new Set(ids(grown));
    expect(ids(before).filter((id) => !kept.has(id))).toEqual([]);
  });
});
