import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { MAX_RULE_TARGETS, scheduleRules } from '#infra/schedules.ts';
import { planStacks } from '#infra/stack-groups.ts';
import type { ScheduleDef } from '#platform/definition/types.ts';
import { logicalIdOf, synthesize } from './support.ts';

const every = (rate: ScheduleDef['rate'], fn: string): ScheduleDef => ({
  description: fn,
  rate,
  function: fn,
});

describe('schedules', () => {
  const { template } = synthesize(app);

  it.each(Object.entries(app.schedules))('%s invokes its function at its rate', (name, schedule) => {
    const fn = logicalIdOf(template, 'AWS::Lambda::Function', schedule.function);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: schedule.rate,
      Targets: Match.arrayWith([
        Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } }),
      ]),
    });
    expect(describeTemplate(template.toJSON()).schedules).toContainEqual({
      name,
      rate: schedule.rate,
      function: schedule.function,
    });
  });

  it('runs the schedules of one rate in one stack from one rule with one dead-letter queue', () => {
    // A rule's targets are in its stack: schedules of one rate in different nested stacks get a rule each.
    const { schedules } = planStacks(app);
    const rules = new Set(
      Object.entries(app.schedules).map(([name, s]) => `${JSON.stringify(schedules.get(name))} ${s.rate}`),
    );
    const built = Object.values(
      template.findResources('AWS::Events::Rule', { Properties: { ScheduleExpression: Match.anyValue() } }),
    );
    expect(built).toHaveLength(rules.size);
    for (const rule of built) {
      const deadLetterQueues = new Set(
        rule.Properties.Targets.map((t: { DeadLetterConfig: unknown }) => JSON.stringify(t.DeadLetterConfig)),
      );
      expect(deadLetterQueues.size).toBe(1);
    }
  });
});

describe('scheduleRules', () => {
  it('groups schedules by rate, in definition order, each rule named after its first schedule', () => {
    const rules = scheduleRules({
      expiry: every('rate(1 minute)', 'a'),
      carts: every('rate(5 minutes)', 'b'),
      refunds: every('rate(1 minute)', 'c'),
    });
    expect(rules.map((r) => [r.name, r.rate, r.schedules.map(([n]) => n)])).toEqual([
      ['expiry', 'rate(1 minute)', ['expiry', 'refunds']],
      ['carts', 'rate(5 minutes)', ['carts']],
    ]);
  });

  it(`opens another rule past ${MAX_RULE_TARGETS} targets`, () => {
    const schedules = Object.fromEntries(
      Array.from({ length: MAX_RULE_TARGETS + 2 }, (_, i) => [`s${i}`, every('rate(1 hour)', `f${i}`)]),
    );
    expect(scheduleRules(schedules).map((r) => [r.name, r.schedules.length])).toEqual([
      ['s0', MAX_RULE_TARGETS],
      [`s${MAX_RULE_TARGETS}`, 2],
    ]);
  });
});
