import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { synthesize } from './support.ts';

const ALARM = 'AWS::CloudWatch::Alarm';

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/** Everything found under a key naming a dead letter (`deadLetterTargetArn`, `DeadLetterConfig`). */
const deadLetterRefs = (value: unknown, found: unknown[] = []): unknown[] => {
  if (Array.isArray(value)) for (const v of value) deadLetterRefs(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/deadletter/i.test(key)) found.push(v);
      else deadLetterRefs(v, found);
    }
  }
  return found;
};

/** The logical ids of every dead-letter queue: the queues a redrive policy, target or pipe parks in. */
const deadLetterQueueIds = (resources: Record<string, Resource>) => {
  const text = JSON.stringify(deadLetterRefs(Object.values(resources).map((r) => r.Properties)));
  return Object.entries(resources)
    .filter(([id, r]) => r.Type === 'AWS::SQS::Queue' && text.includes(`"${id}"`))
    .map(([id]) => id)
    .sort();
};

/** The queue an alarm watches, by logical id (its `QueueName` dimension is `Fn::GetAtt [id, QueueName]`). */
const watchedQueue = (alarm: Resource): string | undefined => {
  const [dimension] = (alarm.Properties?.Dimensions ?? []) as { Value: { 'Fn::GetAtt': string[] } }[];
  return dimension?.Value['Fn::GetAtt'][0];
};

describe.each([
  ['the real definition', app],
  ['the fixture definition', fixtureDefinition],
])('dead-letter alarms (%s)', (_, definition) => {
  const { template } = synthesize(definition);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  // The queues' alarms (state machines have their own, on failed executions).
  const alarms = Object.values(resources).filter(
    (r) => r.Type === ALARM && (r.Properties as { Namespace?: string } | undefined)?.Namespace === 'AWS/SQS',
  );

  it('alarms on every dead-letter queue, once', () => {
    const watched = alarms.map(watchedQueue).sort();
    expect(deadLetterQueueIds(resources).length).toBeGreaterThan(0);
    expect(watched).toEqual(deadLetterQueueIds(resources));
  });

  it('fires while any message is visible in it, and stays OK when SQS reports nothing', () => {
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Statistic: 'Maximum',
        Period: 60,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
      expect(alarm.Properties?.Dimensions).toEqual([
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [watchedQueue(alarm), 'QueueName'] } },
      ]);
    }
  });
});
