import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { MAX_RULE_TARGETS, scheduleRules } from '#infra/schedules.ts';
import type { AppDefinition, ScheduleDef } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

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
});

describe('schedules of one rate', () => {
  const tick = {
    entry: 'test/infra/fixtures/handler.ts',
    description: 'tick',
    memoryMb: 128,
    timeoutSeconds: 10,
  };
  // Two one-minute schedules whose functions are in Alpha, and a third at that rate in Beta.
  const definition: AppDefinition = {
    ...fixtureDefinition,
    name: 'schedulerates',
    functions: { ...fixtureDefinition.functions, tickA: tick, tickB: tick, tickC: tick },
    schedules: {
      first: every('rate(1 minute)', 'tickA'),
      second: every('rate(1 minute)', 'tickB'),
      third: every('rate(1 minute)', 'tickC'),
    },
    owners: { functions: { tickA: 'alpha', tickB: 'alpha', tickC: 'beta' } },
  };
  const { stacks } = synthesize(definition);
  const nested = (group: string) => {
    const stack = Object.values(stacks.nested).find((n) => n.name === group);
    if (!stack) throw new Error(`No nested stack ${group}`);
    return Template.fromJSON(stack.template as object);
  };
  /** The targets of the stack's only one-minute rule, each as the queue its dead letters go to. */
  const deadLetterQueuesOfTargets = (template: Template): unknown[] => {
    const rules = Object.values(
      template.findResources('AWS::Events::Rule', { Properties: { ScheduleExpression: 'rate(1 minute)' } }),
    );
    expect(rules).toHaveLength(1);
    return rules[0]?.Properties.Targets.map(
      (t: { DeadLetterConfig: { Arn: unknown } }) => t.DeadLetterConfig.Arn,
    );
  };
  const theQueue = (template: Template) => ({
    'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::SQS::Queue'), 'Arn'],
  });

  it('share one rule, with a target each and one dead-letter queue, in one stack', () => {
    const alpha = nested('Alpha');
    expect(deadLetterQueuesOfTargets(alpha)).toEqual([theQueue(alpha), theQueue(alpha)]);
  });

  it('get a rule of their own in another stack', () => {
    const beta = nested('Beta');
    expect(deadLetterQueuesOfTargets(beta)).toEqual([theQueue(beta)]);
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
