import { App, Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { app as definition } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { addNagPacks, nagPacks } from '#infra/nag/packs.ts';
import { stackName } from '#infra/stage.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { SKIP_BUNDLING, testStage } from './support.ts';

/** Every finding of the three packs that is not acknowledged: errors and warnings alike. */
const unacknowledged = (app: App) =>
  nagPacks(app).flatMap((pack) =>
    pack.validateScope(app).violations.map((v) => ({
      rule: v.ruleName,
      severity: v.severity,
      resources: v.violatingResources.map((r) => r.constructPath),
    })),
  );

const commerceApp = (stage: string, def: AppDefinition = definition): App => {
  const app = new App({ context: SKIP_BUNDLING });
  new CommerceStack(app, stackName(stage), { definition: def, stage: testStage(stage) });
  addNagPacks(app);
  return app;
};

describe('cdk-nag (AwsSolutions, PCI.DSS.321, Serverless)', () => {
  it.each(['dev', 'prod'])('finds nothing unacknowledged in the %s stack', (stage) => {
    const app = commerceApp(stage);
    expect(unacknowledged(app)).toEqual([]);
    // The same packs run as CDK validation plugins on synth, which throws on any unacknowledged error.
    expect(() => app.synth()).not.toThrow();
  });

  it('finds nothing unacknowledged in a stack of the fixture definition (queues, task tokens, EXPRESS)', () => {
    expect(unacknowledged(commerceApp('dev', fixtureDefinition))).toEqual([]);
  });

  it('reports a finding that nobody acknowledged (the check is live)', () => {
    const app = new App();
    new Queue(new Stack(app, 'Bare'), 'PlainQueue', { enforceSSL: false });
    expect(unacknowledged(app).map((v) => v.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4', 'Serverless-SQSRedrivePolicy']),
    );
  });
});
