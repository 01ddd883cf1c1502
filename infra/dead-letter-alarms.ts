import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Pipes } from './pipes.ts';
import type { Queues } from './queues.ts';
import type { Rules } from './rules.ts';
import type { Schedules } from './schedules.ts';

/** What one stack built that parks failed work in dead-letter queues. */
export interface DeadLetterSources {
  readonly queues?: Queues | undefined;
  readonly rules?: Rules | undefined;
  readonly pipes?: Pipes | undefined;
  readonly schedules?: Schedules | undefined;
}

/**
 * Every dead-letter queue of `sources`, by a readable id (`Queue.notifications`): each queue's, each
 * rule's and each pipe's, and each schedule rule's (named after its first schedule).
 */
export const deadLetterQueues = (sources: DeadLetterSources): [string, IQueue][] => [
  ...(sources.queues?.entries() ?? []).map(([name, q]): [string, IQueue] => [
    `Queue.${name}`,
    q.deadLetterQueue,
  ]),
  ...(sources.rules?.entries() ?? []).map(([name, r]): [string, IQueue] => [
    `Rule.${name}`,
    r.deadLetterQueue,
  ]),
  ...(sources.pipes?.entries() ?? []).map(([name, p]): [string, IQueue] => [
    `Pipe.${name}`,
    p.deadLetterQueue,
  ]),
  ...(sources.schedules?.entries() ?? []).map(([name, q]): [string, IQueue] => [`Schedule.${name}`, q]),
];

export interface DeadLetterAlarmsProps {
  /** Every dead-letter queue of the stack, by a readable id (`Queue.notifications`). */
  readonly deadLetterQueues: ReadonlyArray<readonly [string, IQueue]>;
  /** @default Duration.minutes(1) */
  readonly period?: Duration;
}

/**
 * One alarm per dead-letter queue, in ALARM while any message waits in it: a parked message is work
 * that did not happen (an e-mail not sent, an event not delivered) and waits for a person. SQS
 * publishes `ApproximateNumberOfMessagesVisible` every minute while a queue is active; a DLQ that has
 * been empty for hours goes quiet, so missing data is OK, not breaching. The stage's alarm topic
 * (alarm-topic.ts) is told of every change.
 */
export class DeadLetterAlarms extends Construct {
  readonly alarms: ReadonlyMap<string, Alarm>;

  constructor(scope: Construct, id: string, props: DeadLetterAlarmsProps) {
    super(scope, id);
    const alarms = new Map<string, Alarm>();
    for (const [name, queue] of props.deadLetterQueues) {
      alarms.set(
        name,
        new Alarm(this, name, {
          alarmDescription: `Messages wait in the dead-letter queue of ${name}: inspect them, fix, redrive.`,
          metric: queue.metricApproximateNumberOfMessagesVisible({
            period: props.period ?? Duration.minutes(1),
            statistic: 'Maximum',
          }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    this.alarms = alarms;
  }
}
