import { CfnResource, Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Tag and template metadata key that carries the definition name of a resource. */
export const DEFINITION_NAME_KEY = 'commerce:name';

/**
 * Template metadata key on a schedule rule: the definition names of the schedules it runs, in the order
 * of its targets (a rule serves every schedule of its rate, see `scheduleRules`).
 */
export const SCHEDULE_TARGETS_KEY = 'commerce:schedules';

/**
 * Records which definition entry a resource was built from: a tag on everything under `scope` (so cost
 * reports and the console can group by it) and a metadata entry on the primary CloudFormation resource,
 * which `describeTemplate` reads to map a synthesized template back to the definition.
 */
export const markDefinitionName = (scope: IConstruct, primary: IConstruct, name: string): void => {
  Tags.of(scope).add(DEFINITION_NAME_KEY, name);
  primaryResource(primary).addMetadata(DEFINITION_NAME_KEY, name);
};

/** The CloudFormation resource behind an L2 construct (or the construct itself when it is one). */
export const primaryResource = (construct: IConstruct): CfnResource => {
  const child = construct.node.defaultChild ?? construct;
  if (!CfnResource.isCfnResource(child))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return child;
};
