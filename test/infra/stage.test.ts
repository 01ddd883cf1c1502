import { App, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { isProdStage, stackName, stageFromContext, stageSettings } from '#infra/stage.ts';

describe('stages', () => {
  it.each(['prod', 'prod-eu', 'production'])('treats %s as production', (name) => {
    expect(isProdStage(name)).toBe(true);
    expect(stageSettings(name, { mailFrom: 'orders@shop.example.com' })).toMatchObject({
      removalPolicy: RemovalPolicy.RETAIN,
      logRetention: RetentionDays.ONE_YEAR,
      logLevel: 'INFO',
    });
  });

  it.each(['dev', 'staging', 'pr-42', 'preprod'])('treats %s as disposable', (name) => {
    expect(isProdStage(name)).toBe(false);
    expect(stageSettings(name)).toMatchObject({
      removalPolicy: RemovalPolicy.DESTROY,
      logRetention: RetentionDays.ONE_MONTH,
    });
  });

  it.each(['', 'Prod', 'dev_1', 'a-very-long-stage-name-indeed', '1dev'])(
    'refuses the stage name "%s"',
    (name) => {
      expect(() => stageSettings(name)).toThrow(/Invalid stage/);
    },
  );

  it('reads the stage from -c stage=<name>', () => {
    expect(
      stageFromContext(new App({ context: { stage: 'prod', mailFrom: 'orders@shop.example.com' } })).isProd,
    ).toBe(true);
  });

  it('names the stack of a stage Commerce-<stage>', () => {
    expect(stackName('dev')).toBe('Commerce-dev');
  });

  it('fails without a stage rather than guessing one', () => {
    expect(() => stageFromContext(new App())).toThrow(/No stage/);
  });
});
