import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

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
 * been empty for hours goes quiet, so missing data is OK, not breaching. Subscribe a topic to the
 * alarms (`alarm.addAlarmAction`) to be paged; the stack leaves that to each organisation.
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
