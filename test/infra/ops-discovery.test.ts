import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { DEFINITION_NAME_KEY } from '#infra/naming.ts';
import { type DeployedQueue, deadLetterQueuesOf } from '../../scripts/ops/dead-letter-queues.ts';
import { synthesize } from './support.ts';

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

const arnOf = (logicalId: string) => `arn:aws:sqs:eu-west-1:111111111111:${logicalId.replaceAll('/', '-')}`;
const urlOf = (logicalId: string) => `https://sqs.example/111111111111/${logicalId.replaceAll('/', '-')}`;
const getAttTarget = (value: unknown): string | undefined =>
  (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];

/**
 * `ops --stage` finds a stage's dead-letter queues from what CloudFormation and SQS report of its
 * queues. Here that report is made from the synthesized stack (every nested stack's queues, with the
 * redrive policies the templates give them), so the rule is checked against the stack as deployed.
 */
describe('ops CLI: dead-letter queues of a deployed stage', () => {
  const resources = Object.entries(
    (synthesize(app).template.toJSON() as { Resources: Record<string, Resource> }).Resources,
  );
  const deployed: DeployedQueue[] = resources
    .filter(([, r]) => r.Type === 'AWS::SQS::Queue')
    .map(([id, r]) => {
      const dlq = getAttTarget(
        (r.Properties?.RedrivePolicy as { deadLetterTargetArn?: unknown })?.deadLetterTargetArn,
      );
      return {
        path: id,
        url: urlOf(id),
        arn: arnOf(id),
        ...(dlq ? { deadLetterTargetArn: arnOf(dlq) } : {}),
      };
    });
  const found = deadLetterQueuesOf(deployed);

  it('finds exactly the dead-letter queues the stack alarms on', () => {
    const alarmed = resources
      .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm')
      .filter(([, r]) =>
        String(r.Properties?.AlarmDescription).startsWith('Messages wait in the dead-letter queue'),
      )
      .map(
        ([, r]) =>
          getAttTarget((r.Properties?.Dimensions as { Value: unknown }[] | undefined)?.[0]?.Value) as string,
      );
    expect(alarmed.length).toBeGreaterThan(0);
    expect(found.map((q) => q.dlqUrl).sort()).toEqual(alarmed.map(urlOf).sort());
  });

  it("redrives each of the definition's queues back to that queue", () => {
    for (const name of Object.keys(app.queues)) {
      const [id] = resources.find(
        ([, r]) => r.Type === 'AWS::SQS::Queue' && r.Metadata?.[DEFINITION_NAME_KEY] === name,
      ) ?? [undefined];
      expect(id, name).toBeDefined();
      expect(
        found.filter((q) => q.url === urlOf(id as string)),
        name,
      ).toHaveLength(1);
    }
  });

  it('names each one after its logical path, unique, without the dead-letter tail', () => {
    const names = found.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).not.toMatch(/DeadLetter/i);
  });
});
