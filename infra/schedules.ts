import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Functions } from './functions.ts';
import { markDefinitionName } from './naming.ts';
import { DEAD_LETTER_RETENTION, secureQueueDefaults } from './queues.ts';

export interface SchedulesProps {
  readonly definition: AppDefinition;
  readonly functions: Functions;
}

/**
 * Per definition schedule: an EventBridge rule with the definition's rate that invokes the function
 * (asynchronously, retried twice, then parked in a dead-letter queue). Scheduled work must be safe to
 * run twice or late, so a missed or repeated tick costs nothing.
 */
export class Schedules extends Construct {
  private readonly deadLetterQueues = new Map<string, Queue>();

  /** Each schedule's dead-letter queue, by definition name. */
  entries(): [string, Queue][] {
    return [...this.deadLetterQueues.entries()];
  }

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const [name, def] of Object.entries(props.definition.schedules ?? {})) {
      const at = new Construct(this, name);
      const deadLetterQueue = new Queue(at, 'DeadLetterQueue', {
        ...secureQueueDefaults,
        retentionPeriod: DEAD_LETTER_RETENTION,
      });
      const rule = new Rule(at, 'Rule', {
        description: def.description,
        schedule: Schedule.expression(def.rate),
        targets: [
          new LambdaFunction(props.functions.get(def.function).fn, {
            retryAttempts: 2,
            maxEventAge: Duration.minutes(5),
            deadLetterQueue,
          }),
        ],
      });
      markDefinitionName(at, rule, name);
      this.deadLetterQueues.set(name, deadLetterQueue);
    }
  }
}
