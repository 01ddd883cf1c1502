import { App, type CfnResource, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { flattenTemplates, type StackTemplates } from '#infra/flatten-templates.ts';
import type { TemplateJson } from '#infra/inventory.ts';
import { DEFINITION_NAME_KEY } from '#infra/naming.ts';
import { isProdStage, stackName, stageSettings } from '#infra/stage.ts';
import type { Access, AppDefinition } from '#platform/definition/types.ts';

export interface Synthesized {
  readonly app: App;
  readonly stack: CommerceStack;
  /** The root stack's and every nested stack's resources as one template (`flattenTemplates`). */
  readonly template: Template;
  /** Each stack's own template: the root's, and each nested stack's by its name (`Platform`). */
  readonly stacks: StackTemplates;
}

const cache = new Map<string, Synthesized>();

/**
 * Template assertions need no function code, so the tests skip the functions' asset bundling (CDK's
 * `aws:cdk:bundling-stacks` context). Every function is still bundled by the same build in the local
 * cloud of each test run, bundling.test.ts runs the CDK's staging of that build for real, and `cdk synth`
 * bundles every function.
 */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/**
 * The mail settings a production stage must be given (`-c mailFrom=`, with a configuration set, so the
 * grant on it is synthesized too); other stages use the default sender.
 */
export const PROD_MAIL = {
  mailFrom: 'orders@shop.example.com',
  mailConfigurationSet: 'commerce-prod',
} as const;

/** The settings of `stage` as the tests deploy it: production ones with `PROD_MAIL`. */
export const testStage = (stage: string) => stageSettings(stage, isProdStage(stage) ? PROD_MAIL : {});

/** Builds the stack of `definition` for a stage, once per test file (synthesis takes seconds). */
export const synthesize = (definition: AppDefinition, stage = 'dev'): Synthesized => {
  const key = `${definition.name}/${stage}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const app = new App({ context: SKIP_BUNDLING });
  const stack = new CommerceStack(app, stackName(stage), { definition, stage: testStage(stage) });
  const stacks = stackTemplates(stack);
  const synthesized = { app, stack, stacks, template: Template.fromJSON(flattenTemplates(stacks) as object) };
  cache.set(key, synthesized);
  return synthesized;
};

/** The templates of `stack` and of the stacks nested in it, by their logical ids. */
export const stackTemplates = (stack: Stack): StackTemplates => ({
  template: Template.fromStack(stack).toJSON() as TemplateJson,
  nested: Object.fromEntries(
    stack.node
      .findAll()
      .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack)
      .map((nested) => [
        stack.resolve((nested.nestedStackResource as CfnResource).logicalId) as string,
        { name: nested.node.id, ...stackTemplates(nested) },
      ]),
  ),
});

/** The logical id of the one resource of `type` built for definition entry `name`. */
export const logicalIdOf = (template: Template, type: string, name: string): string => {
  const found = Object.keys(template.findResources(type, { Metadata: { [DEFINITION_NAME_KEY]: name } }));
  if (found.length !== 1) throw new Error(`Expected one ${type} named ${name}, found ${found.length}`);
  return found[0] as string;
};

/** The logical id of the only resource of `type` in the template. */
export const onlyLogicalIdOf = (template: Template, type: string): string => {
  const found = Object.keys(template.findResources(type));
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0] as string;
};

/**
 * The authorization type a route of each access must be deployed (and served locally) with, written out
 * here rather than asked of `gatewayAuthorizes`, so the tests check the code instead of repeating it.
 * An HTTP API authorizer cannot be optional: `optional` routes have none and verify tokens in the function.
 */
export const AUTHORIZATION_TYPE: Readonly<Record<Access, 'JWT' | 'NONE'>> = {
  public: 'NONE',
  optional: 'NONE',
  customer: 'JWT',
  admin: 'JWT',
};
