import { readFileSync } from 'node:fs';
import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppDefinition, StateMachineDef, Substitution } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';
import { markDefinitionName } from './naming.ts';
import { fromProjectRoot } from './project.ts';
import { creationOrder, referencedStateMachines } from './state-machine-order.ts';

export interface StateMachinesProps {
  readonly definition: AppDefinition;
  readonly functions: Lookup<CommerceFunction>;
  /** Encrypts the execution log groups. */
  readonly encryptionKey: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * The definition's state machines to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
  /**
   * The state machines built elsewhere that these may start; each must exist before this is built.
   */
  readonly others: Lookup<StateMachine>;
}

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** Throws unless the ASL's `${Name}` placeholders and the definition's substitutions are the same set. */
export const checkSubstitutions = (
  file: string,
  asl: string,
  substitutions: Record<string, unknown>,
): void => {
  const used = new Set([...asl.matchAll(PLACEHOLDER)].map((m) => m[1]));
  const given = new Set(Object.keys(substitutions));
  const missing = [...used].filter((n) => n !== undefined && !given.has(n));
  const unused = [...given].filter((n) => !used.has(n));
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(
      `${file}: placeholders without substitution [${missing}], unused substitutions [${unused}]`,
    );
  }
};

/**
 * Per definition state machine: the ASL file as written (placeholders left for CloudFormation's
 * DefinitionSubstitutions, so the file stays the one source both clouds run), logging ALL, X-Ray.
 * A machine that substitutes another one's ARN is created after it and may start it.
 */
export class StateMachines extends Construct {
  private readonly byName = new Map<string, StateMachine>();

  constructor(scope: Construct, id: string, props: StateMachinesProps) {
    super(scope, id);
    const defs = props.definition.stateMachines;
    for (const name of creationOrder(defs)) {
      if (!props.names.includes(name)) continue;
      this.byName.set(name, this.createStateMachine(name, defs[name] as StateMachineDef, props));
    }
  }

  /** The state machine the definition calls `name`; throws if it does not exist. */
  get(name: string): StateMachine {
    const sm = this.byName.get(name);
    if (!sm) throw new Error(`The definition refers to state machine "${name}", which it does not define.`);
    return sm;
  }

  /** Every state machine with its definition name. */
  entries(): [string, StateMachine][] {
    return [...this.byName.entries()];
  }

  private createStateMachine(name: string, def: StateMachineDef, props: StateMachinesProps): StateMachine {
    const scope = new Construct(this, name);
    const asl = readFileSync(fromProjectRoot(def.definitionFile), 'utf8');
    checkSubstitutions(def.definitionFile, asl, def.substitutions);
    const invoked = Object.values(def.substitutions).flatMap((s) =>
      'function' in s ? [props.functions.get(s.function).fn] : [],
    );
    const started = referencedStateMachines(def).map((other) => this.machine(other, props));
    const logGroup = new LogGroup(scope, 'Logs', {
      // Under /aws/vendedlogs/ Step Functions does not grow the account's CloudWatch Logs resource
      // policy (5 KB limit) with every log group; the rest of the name is unique per stack and construct.
      logGroupName: `/aws/vendedlogs/states/${Names.uniqueResourceName(scope, { maxLength: 200 })}`,
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const sm = new StateMachine(scope, 'StateMachine', {
      definitionBody: DefinitionBody.fromString(asl),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(def.substitutions).map(([key, s]) => [key, this.substitutionValue(s, props)]),
      ),
      stateMachineType: StateMachineType[def.type],
      logs: {
        destination: logGroup,
        level: LogLevel.ALL,
        // Off unless the definition opts in: task tokens, secrets and personal data stay out of the logs.
        includeExecutionData: def.logExecutionData ?? false,
      },
      tracingEnabled: true,
    });
    // A failed execution is a workflow that could not finish (a cancellation whose refund failed for good
    // leaves its order cancel_pending): ops are told, through the stage's alarm topic (alarm-topic.ts).
    new Alarm(scope, 'FailedExecutionsAlarm', {
      alarmDescription: `Executions of the ${name} workflow failed: see its log group and docs/orders.md`,
      metric: sm.metricFailed({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // Exactly the unqualified ARNs the ASL invokes; `grantInvoke` would add every version and alias.
    if (invoked.length > 0) {
      sm.addToRolePolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: invoked.map((fn) => fn.functionArn),
        }),
      );
    }
    // The request-response startExecution integration needs StartExecution only; `.sync` (which
    // would also need DescribeExecution, StopExecution and an events rule) is not used.
    if (started.length > 0) {
      sm.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: started.map((other) => other.stateMachineArn),
        }),
      );
    }
    markDefinitionName(scope, sm, name);
    return sm;
  }

  /** A machine this one starts: built here, or in another stack before this one. */
  private machine(name: string, props: StateMachinesProps): StateMachine {
    return this.byName.get(name) ?? props.others.get(name);
  }

  private substitutionValue(s: Substitution, props: StateMachinesProps): string {
    if ('function' in s) return props.functions.get(s.function).fn.functionArn;
    if ('stateMachine' in s) return this.machine(s.stateMachine, props).stateMachineArn;
    return s.literal;
  }
}
