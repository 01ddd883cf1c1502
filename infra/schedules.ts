import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition, ScheduleDef } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';
import { markDefinitionName, primaryResource, SCHEDULE_TARGETS_KEY } from './naming.ts';
import { DEAD_LETTER_RETENTION, secureQueueDefaults } from './queues.ts';

export interface SchedulesProps {
  readonly definition: AppDefinition;
  readonly functions: Lookup<CommerceFunction>;
  /**
   * The definition's schedules to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
}

/** Targets EventBridge allows on one rule. */
export const MAX_RULE_TARGETS = 5;

/** One schedule rule: named after its first schedule, invoking each schedule's function at their rate. */
export interface ScheduleRule {
  readonly name: string;
  readonly rate: ScheduleDef['rate'];
  readonly schedules: readonly (readonly [string, ScheduleDef])[];
}

/**
 * The rules the definition's schedules need: schedules of the same rate share one (up to five targets),
 * in definition order, so a schedule added at an existing rate costs one Lambda permission instead of a
 * rule, a dead-letter queue, its policy and its alarm. A rule keeps the name (and so the logical ids) of
 * its first schedule, so a schedule declared later never moves an earlier one's resources.
 */
export const scheduleRules = (schedules: Readonly<Record<string, ScheduleDef>>): ScheduleRule[] => {
  const rules: { name: string; rate: ScheduleDef['rate']; schedules: [string, ScheduleDef][] }[] = [];
  for (const [name, def] of Object.entries(schedules)) {
    const open = rules.find((r) => r.rate === def.rate && r.schedules.length < MAX_RULE_TARGETS);
    if (open) open.schedules.push([name, def]);
    else rules.push({ name, rate: def.rate, schedules: [[name, def]] });
  }
  return rules;
};

/**
 * Per rate: an EventBridge rule that invokes each of its schedules' functions (asynchronously, retried
 * twice, then parked in the rule's dead-letter queue, whose alarm covers them all). Scheduled work must
 * be safe to run twice or late, so a missed or repeated tick costs nothing.
 */
export class Schedules extends Construct {
  private readonly deadLetterQueues = new Map<string, Queue>();

  /** Each rule's dead-letter queue, by the name of its first schedule. */
  entries(): [string, Queue][] {
    return [...this.deadLetterQueues.entries()];
  }

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const selected = Object.entries(props.definition.schedules ?? {}).filter(([name]) =>
      props.names.includes(name),
    );
    for (const { name, rate, schedules } of scheduleRules(Object.fromEntries(selected))) {
      const at = new Construct(this, name);
      const deadLetterQueue = new Queue(at, 'DeadLetterQueue', {
        ...secureQueueDefaults,
        retentionPeriod: DEAD_LETTER_RETENTION,
      });
      const rule = new Rule(at, 'Rule', {
        // EventBridge takes up to 512 characters.
        description: schedules
          .map(([, def]) => def.description)
          .join(' · ')
          .slice(0, 512),
        schedule: Schedule.expression(rate),
        targets: schedules.map(
          ([, def]) =>
            new LambdaFunction(props.functions.get(def.function).fn, {
              retryAttempts: 2,
              maxEventAge: Duration.minutes(5),
              deadLetterQueue,
            }),
        ),
      });
      markDefinitionName(at, rule, name);
      primaryResource(rule).addMetadata(
        SCHEDULE_TARGETS_KEY,
        schedules.map(([scheduleName]) => scheduleName),
      );
      this.deadLetterQueues.set(name, deadLetterQueue);
    }
  }
}
