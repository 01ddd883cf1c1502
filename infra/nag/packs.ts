import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';

/** The rule packs the app is checked against on every synth. */
export const nagPacks = (scope: Construct) => [
  new AwsSolutionsChecks(scope),
  new PCIDSS321Checks(scope),
  new ServerlessChecks(scope),
];

/** Runs the packs as CDK policy-validation plugins: a finding that is not acknowledged fails synth. */
export const addNagPacks = (app: Construct): void => {
  Validations.of(app).addPlugins(...nagPacks(app));
};
