import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import { AlarmTopic } from './alarm-topic.ts';
import { Auth } from './auth.ts';
import { Built } from './built.ts';
import { ContextStack } from './context-stack.ts';
import { DataKey } from './data-key.ts';
import { CommerceEventBus } from './event-bus.ts';
import type { CommerceFunction } from './function.ts';
import { bundlerOf, Functions } from './functions.ts';
import { CommerceHttpApi } from './http-api.ts';
import { addLogAlarms } from './log-alarms.ts';
import { acknowledgeNagFindings } from './nag/acknowledgements.ts';
import type { CommerceQueue } from './queues.ts';
import { Secrets } from './secrets.ts';
import { placedIn, planStacks, type StackPlan, stateMachineGroupOrder } from './stack-groups.ts';
import type { StageSettings } from './stage.ts';
import { CommerceTable } from './table.ts';
import { wireFunctions } from './wiring.ts';

export interface CommerceStackProps extends StackProps {
  /** The application definition; everything in the stack is built from it. */
  readonly definition: AppDefinition;
  readonly stage: StageSettings;
}

/**
 * The whole backend of one stage, built from the application definition. The root stack holds what is
 * shared and stateful (data key, table, bus and archive, user pool, secrets, the HTTP API with its stage,
 * authorizer, routes and integrations) and the user pool's trigger functions; each group of contexts
 * (stack-groups.ts) is a nested stack with its functions, queues, rules, workflows, pipes and schedules.
 * CloudFormation allows 500 resources per stack, and the contexts outgrew one.
 */
export class CommerceStack extends Stack {
  readonly definition: AppDefinition;
  readonly stage: StageSettings;
  readonly plan: StackPlan;
  readonly dataKey: DataKey;
  /** The stage's alarm topic, notified by every alarm of the stack. */
  readonly alarms: AlarmTopic;
  readonly table: CommerceTable;
  readonly eventBus: CommerceEventBus;
  /** The functions built in the root stack (user pool triggers) and the shared `ApiFunctionLogs`. */
  readonly functions: Functions;
  /** One nested stack per group of contexts. */
  readonly groups: readonly ContextStack[];
  readonly secrets: Secrets;
  readonly auth: Auth;
  readonly httpApi: CommerceHttpApi;

  constructor(scope: Construct, id: string, props: CommerceStackProps) {
    const { definition, stage, ...stackProps } = props;
    super(scope, id, { description: `${definition.name} backend (${stage.name})`, ...stackProps });
    this.definition = definition;
    this.stage = stage;
    this.plan = planStacks(definition);
    const retained = { removalPolicy: stage.removalPolicy };
    const logs = { logRetention: stage.logRetention, logRemovalPolicy: stage.removalPolicy };

    this.dataKey = new DataKey(this, 'DataKey', retained);
    const encryptionKey = this.dataKey.key;
    this.table = new CommerceTable(this, 'Table', { definition: definition.table, ...retained });
    this.eventBus = new CommerceEventBus(this, 'Events', { archiveRetention: stage.archiveRetention });
    // One bundler for every stack: the first function staged builds them all in one esbuild run.
    const bundler = bundlerOf(definition, Object.keys(definition.functions));
    this.functions = new Functions(this, 'Functions', {
      definition,
      names: placedIn(this.plan.functions, 'root'),
      encryptionKey,
      bundler,
      ...logs,
      logLevel: stage.logLevel,
    });
    this.groups = this.plan.groups.map(
      (group) =>
        new ContextStack(this, group, {
          definition,
          plan: this.plan,
          encryptionKey,
          bundler,
          ...(this.functions.apiLogs ? { apiLogs: this.functions.apiLogs } : {}),
          ...logs,
          logLevel: stage.logLevel,
        }),
    );

    // Phase by phase across the stacks, since an entry may reference one another stack built.
    const functions = new Built<CommerceFunction>('function');
    functions.add(this.functions.entries());
    for (const g of this.groups) functions.add(g.buildFunctions().entries());
    const queues = new Built<CommerceQueue>('queue');
    for (const g of this.groups) queues.add(g.buildQueues(functions).entries());
    for (const g of this.groups) g.buildRules({ bus: this.eventBus.bus, queues });
    const stateMachines = new Built<StateMachine>('state machine');
    const byGroup = new Map(this.groups.map((g) => [g.group, g]));
    for (const group of stateMachineGroupOrder(definition, this.plan))
      stateMachines.add(byGroup.get(group)?.buildStateMachines(functions, stateMachines).entries() ?? []);
    for (const g of this.groups) g.buildPipes(this.table, functions);
    for (const g of this.groups) g.buildSchedules(functions);

    this.secrets = new Secrets(this, 'Secrets', { definition, encryptionKey, ...retained });
    const postConfirmation = definition.userPoolTriggers?.postConfirmation;
    this.auth = new Auth(this, 'Auth', {
      ...retained,
      ...(postConfirmation ? { postConfirmation: functions.get(postConfirmation).fn } : {}),
    });
    this.httpApi = new CommerceHttpApi(this, 'Http', {
      definition,
      auth: this.auth,
      encryptionKey,
      ...logs,
      corsOrigins: stage.corsOrigins,
      throttle: stage.throttle,
    });
    // Every route and integration in the root, under the construct ids of the single stack the split
    // replaced: an existing stage's routes and integrations are updated in place (the integration points
    // at the function's new copy in its nested stack) instead of re-created beside the old ones, which
    // API Gateway would refuse (one route per route key).
    this.httpApi.addRoutes(definition.routes, functions);
    reserveConcurrency(definition, functions, stage.reservedConcurrency);

    const resources = {
      table: this.table.table,
      bus: this.eventBus.bus,
      queues,
      stateMachines,
      secrets: this.secrets,
      auth: this.auth,
      mail: stage.mail,
    };
    wireFunctions(definition, this.functions, resources);
    for (const g of this.groups) g.wire(resources);
    for (const g of this.groups) g.buildDeadLetterAlarms();
    addLogAlarms(definition, functions, `Commerce/${stage.name}`);
    // Last, so it finds every alarm the stack and its nested stacks made.
    this.alarms = new AlarmTopic(this, 'Alarms', {
      encryptionKey,
      ...(stage.alarmEmail ? { email: stage.alarmEmail } : {}),
    });
    this.alarms.notifyFrom(this);

    Tags.of(this).add('commerce:app', definition.name);
    Tags.of(this).add('commerce:stage', stage.name);
    this.outputs();
    acknowledgeNagFindings(this);
  }

  private outputs(): void {
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.bus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Every alarm of the stage notifies this SNS topic: subscribe what pages you',
    });
  }
}

/**
 * Reserves `count` concurrent executions for each function the definition's throttling lists (the Stripe
 * webhook), so a flood of shopper requests cannot take every execution from it. A property of the
 * function: no resource is added. 0 leaves the functions on the account's shared pool.
 */
const reserveConcurrency = (
  definition: AppDefinition,
  functions: Built<CommerceFunction>,
  count: number,
): void => {
  if (count === 0) return;
  for (const name of definition.throttling?.reservedFor ?? [])
    (functions.get(name).fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = count;
};
