import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { flattenTemplates } from '#infra/flatten-templates.ts';
import { stackName, stageSettings } from '#infra/stage.ts';
import { logicalIdOf, SKIP_BUNDLING, stackTemplates, synthesize } from './support.ts';

const ALARM = 'AWS::CloudWatch::Alarm';

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

const getAtt = (value: unknown): string | undefined =>
  (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
const ref = (value: unknown): string | undefined => (value as { Ref?: string } | undefined)?.Ref;

describe('alarms of a stage', () => {
  const { template } = synthesize(app);
  const resources = Object.entries(template.toJSON().Resources as Record<string, Resource>);
  const alarms = resources.filter(([, r]) => r.Type === ALARM).map(([, r]) => r.Properties ?? {});
  const topics = resources.filter(([, r]) => r.Type === 'AWS::SNS::Topic');
  const topicId = topics[0]?.[0];
  const dimension = (alarm: Record<string, unknown>) =>
    (alarm.Dimensions as { Value: unknown }[] | undefined)?.[0]?.Value;

  it('notifies the one alarm topic from every alarm, on ALARM and on OK, nested stacks included', () => {
    expect(topics).toHaveLength(1);
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, String(alarm.AlarmDescription)).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions, String(alarm.AlarmDescription)).toEqual([{ Ref: topicId }]);
    }
  });

  it("alarms on every queue's dead letters and every workflow's failed executions, so a new one cannot come without", () => {
    for (const name of Object.keys(app.queues)) {
      const queue = template.toJSON().Resources[logicalIdOf(template, 'AWS::SQS::Queue', name)] as Resource;
      const dlq = getAtt(
        (queue.Properties?.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined)
          ?.deadLetterTargetArn,
      );
      expect(dlq, name).toBeDefined();
      expect(
        alarms.filter((a) => getAtt(dimension(a)) === dlq),
        name,
      ).toHaveLength(1);
    }
    for (const name of Object.keys(app.stateMachines)) {
      const id = logicalIdOf(template, 'AWS::StepFunctions::StateMachine', name);
      const watching = alarms.filter((a) => ref(dimension(a)) === id);
      expect(watching, name).toHaveLength(1);
      expect(watching[0]).toMatchObject({ Namespace: 'AWS/States', MetricName: 'ExecutionsFailed' });
    }
  });

  it("counts and alarms on every log line a function declares, per stage (the payments webhook's mismatches)", () => {
    const declared = Object.values(app.functions).flatMap((f) => f.logAlarms ?? []);
    expect(declared.map((a) => a.message)).toContain('PaymentMismatch');
    const filters = resources
      .filter(([, r]) => r.Type === 'AWS::Logs::MetricFilter')
      .map(([, r]) => r.Properties);
    for (const { message, description } of declared) {
      expect(filters, message).toContainEqual(
        expect.objectContaining({
          FilterPattern: `{ $.message = "${message}" }`,
          MetricTransformations: [
            expect.objectContaining({
              MetricNamespace: 'Commerce/dev',
              MetricName: message,
              MetricValue: '1',
            }),
          ],
        }),
      );
      expect(
        alarms.filter((a) => a.AlarmDescription === description),
        message,
      ).toEqual([expect.objectContaining({ Namespace: 'Commerce/dev', MetricName: message, Threshold: 1 })]);
    }
  });

  it('encrypts the topic with the data key, which CloudWatch may use, and refuses plain HTTP', () => {
    const [, topic] = resources.find(([id]) => id === topicId) ?? [];
    expect(topic?.Properties?.KmsMasterKeyId).toBeDefined();
    const policies = resources.filter(([, r]) => r.Type === 'AWS::SNS::TopicPolicy');
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
    const [, key] = resources.find(([, r]) => r.Type === 'AWS::KMS::Key') ?? [];
    expect(JSON.stringify(key?.Properties?.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
  });

  it('subscribes the e-mail of -c alarmEmail, and nothing without it', () => {
    expect(resources.filter(([, r]) => r.Type === 'AWS::SNS::Subscription')).toHaveLength(0);
    const withMail = new CommerceStack(new App({ context: SKIP_BUNDLING }), stackName('dev'), {
      definition: app,
      stage: stageSettings('dev', { alarmEmail: 'ops@shop.example' }),
    });
    const subscriptions = Template.fromJSON(
      flattenTemplates(stackTemplates(withMail)) as object,
    ).findResources('AWS::SNS::Subscription');
    expect(Object.values(subscriptions).map((s) => s.Properties)).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@shop.example' }),
    ]);
    expect(() => stageSettings('dev', { alarmEmail: 'not an address' })).toThrow(/alarmEmail/);
  });
});
