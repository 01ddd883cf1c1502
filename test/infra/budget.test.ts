import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { flattenTemplates, type StackTemplates } from '#infra/flatten-templates.ts';
import type { TemplateJson } from '#infra/inventory.ts';
import { stackName, stageSettings } from '#infra/stage.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { onlyLogicalIdOf, SKIP_BUNDLING, stackTemplates, synthesize } from './support.ts';

/**
 * CloudFormation refuses a stack of more than 500 resources, the root stack and each nested stack alike.
 * A route costs one resource (its Route: the function behind it has one integration and one permission
 * whatever its routes), a function a handful. Each stack is held to 60% of the limit, so a group of
 * contexts has room to grow before it has to be split in two.
 */
const RESOURCE_LIMIT = 500;
const RESOURCE_BUDGET = 300;

const resourcesOf = (template: TemplateJson) => Object.values(template.Resources ?? {});

/** Every stack of the app by name (`root`, then each nested stack's), with its own template. */
const stacksOf = (stacks: StackTemplates): [string, TemplateJson][] => [
  ['root', stacks.template],
  ...Object.values(stacks.nested).map((n) => [n.name, n.template] as [string, TemplateJson]),
];

/** The stack of `definition`, synthesized on its own (the support cache keys by name and stage). */
const synthesizedAlone = (definition: AppDefinition): StackTemplates =>
  stackTemplates(
    new CommerceStack(new App({ context: SKIP_BUNDLING }), stackName('dev'), {
      definition,
      stage: stageSettings('dev'),
    }),
  );

describe('resource budget', () => {
  const { stacks, template } = synthesize(app);

  it(`keeps every stack of the real definition under ${RESOURCE_BUDGET} of ${RESOURCE_LIMIT} resources`, () => {
    const counts = stacksOf(stacks).map(([name, t]) => {
      const resources = resourcesOf(t);
      const byType = Object.entries(Object.groupBy(resources, (r) => r.Type))
        .map(([type, list]) => [type, list?.length ?? 0] as const)
        .sort((a, b) => b[1] - a[1]);
      console.log(
        `Stack ${name}: ${resources.length} of ${RESOURCE_LIMIT} (budget ${RESOURCE_BUDGET}): ` +
          byType.map(([type, n]) => `${n} ${type}`).join(', '),
      );
      return [name, resources.length] as const;
    });
    console.log(`All stacks: ${counts.reduce((sum, [, n]) => sum + n, 0)} resources`);
    expect(counts.length).toBeGreaterThan(1);
    for (const [name, count] of counts) expect(count, name).toBeLessThan(RESOURCE_BUDGET);
  });

  it('adds one resource per route, not one integration and one permission per route', () => {
    // Summed over the stacks: the flattened template lists every stack's resources.
    const resources = resourcesOf(template.toJSON() as TemplateJson);
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    const httpFunctions = new Set(app.routes.map((r) => r.function)).size;
    expect(count('AWS::ApiGatewayV2::Route')).toBe(app.routes.length);
    expect(count('AWS::ApiGatewayV2::Integration')).toBe(httpFunctions);
    // Besides API Gateway's one per HTTP function: Cognito's trigger and each schedule rule invoke too.
    const otherInvokers = Object.keys(app.userPoolTriggers ?? {}).length + Object.keys(app.schedules).length;
    expect(count('AWS::Lambda::Permission')).toBe(httpFunctions + otherInvokers);
  });

  it('keeps the stateful and shared resources in the root stack', () => {
    const rootTypes = new Set(resourcesOf(stacks.template).map((r) => r.Type));
    const nestedTypes = new Set(
      Object.values(stacks.nested).flatMap((n) => resourcesOf(n.template).map((r) => r.Type)),
    );
    for (const type of [
      'AWS::KMS::Key',
      'AWS::DynamoDB::GlobalTable',
      'AWS::Events::EventBus',
      'AWS::Events::Archive',
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolClient',
      'AWS::Cognito::UserPoolGroup',
      'AWS::SecretsManager::Secret',
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Stage',
      'AWS::ApiGatewayV2::Authorizer',
    ]) {
      expect(rootTypes.has(type), type).toBe(true);
      expect(nestedTypes.has(type), type).toBe(false);
    }
  });
});

describe('logical id stability', () => {
  const before = synthesize(app).stacks;
  const laterFeature = {
    entry: 'test/infra/fixtures/handler.ts',
    description: 'a function added later',
    memoryMb: 256,
    timeoutSeconds: 10,
    uses: { table: 'readWrite', bus: true },
  } as const;
  /** The definition with an unrelated function (a route, a queue and a rule of its own) in `context`. */
  const grownBy = (context: string | undefined): AppDefinition => ({
    ...app,
    ...(context
      ? { owners: { ...app.owners, functions: { ...app.owners.functions, laterFeature: context } } }
      : {}),
    functions: { ...app.functions, laterFeature },
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
  // Without a context (a definition built by hand), and in an existing context's group.
  const grown = synthesizedAlone(grownBy(undefined));
  const grownInCatalog = synthesizedAlone(grownBy('catalog'));
  const flat = (stacks: StackTemplates) => Template.fromJSON(flattenTemplates(stacks) as object);

  it.each([
    ['table', 'AWS::DynamoDB::GlobalTable'],
    ['event bus', 'AWS::Events::EventBus'],
    ['user pool', 'AWS::Cognito::UserPool'],
    ['data key', 'AWS::KMS::Key'],
    ['HTTP API', 'AWS::ApiGatewayV2::Api'],
  ])('keeps the %s’s logical id when an unrelated function is added', (_, type) => {
    expect(onlyLogicalIdOf(flat(grown), type)).toBe(onlyLogicalIdOf(flat(before), type));
    expect(onlyLogicalIdOf(flat(grownInCatalog), type)).toBe(onlyLogicalIdOf(flat(before), type));
  });

  it.each([
    ['without a context', grown],
    ['in the catalog context', grownInCatalog],
  ])(
    'keeps every existing resource’s logical id, nested stacks’ included, when a function is added %s',
    (_, after) => {
      // Flattened ids are `<nested stack>/<logical id>`, and nested stacks' own resources are the root's.
      const ids = (stacks: StackTemplates) => Object.keys(flattenTemplates(stacks).Resources ?? {});
      const kept = new Set(ids(after));
      expect(ids(before).filter((id) => !kept.has(id))).toEqual([]);
    },
  );

  it('adds a function of an existing context to its group’s stack only', () => {
    const templates = (stacks: StackTemplates) =>
      new Map(Object.values(stacks.nested).map((n) => [n.name, n.template]));
    const beforeByName = templates(before);
    const changed = [...templates(grownInCatalog)]
      .filter(([name, t]) => JSON.stringify(t) !== JSON.stringify(beforeByName.get(name)))
      .map(([name]) => name);
    expect(changed).toEqual(['Catalog']);
  });

  it('puts a function without a context in a nested stack of its own, touching no other', () => {
    const names = (stacks: StackTemplates) => Object.values(stacks.nested).map((n) => n.name);
    expect(names(grown).sort()).toEqual([...names(before), 'App'].sort());
    const beforeByName = new Map(Object.values(before.nested).map((n) => [n.name, n.template]));
    for (const n of Object.values(grown.nested).filter((n) => n.name !== 'App'))
      expect(n.template, n.name).toEqual(beforeByName.get(n.name));
  });
});
