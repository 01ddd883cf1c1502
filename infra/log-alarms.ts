import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';

/**
 * For every log alarm the definition's functions declare: a metric filter on the function's log group
 * (counting lines whose `message` is the declared one) and an alarm at the first such line in a minute.
 * Both live with the log group (the shared API log group is the root stack's). The metric namespace
 * carries the stage, so two stages in one account never set off each other's alarms.
 */
export const addLogAlarms = (
  definition: AppDefinition,
  functions: Lookup<CommerceFunction>,
  namespace: string,
): Alarm[] =>
  Object.entries(definition.functions).flatMap(([name, def]) =>
    (def.logAlarms ?? []).map((alarm) => {
      const { logGroup } = functions.get(name);
      const id = `${name}${alarm.message.replace(/\W/g, '')}`;
      const metric = logGroup
        .addMetricFilter(`${id}Filter`, {
          filterPattern: FilterPattern.stringValue('$.message', '=', alarm.message),
          metricNamespace: namespace,
          metricName: alarm.message,
          metricValue: '1',
        })
        .metric({ period: Duration.minutes(1), statistic: 'Sum' });
      return new Alarm(logGroup, `${id}Alarm`, {
        alarmDescription: alarm.description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }),
  );
