import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import { Auth } from './auth.ts';
import { DataKey } from './data-key.ts';
import { DeadLetterAlarms } from './dead-letter-alarms.ts';
import { CommerceEventBus } from './event-bus.ts';
import { Functions } from './functions.ts';
import { CommerceHttpApi } from './http-api.ts';
import { acknowledgeNagFindings } from './nag/acknowledgements.ts';
import { Pipes } from './pipes.ts';
import { Queues } from './queues.ts';
import { Rules } from './rules.ts';
import { Schedules } from './schedules.ts';
import { Secrets } from './secrets.ts';
import type { StageSettings } from './stage.ts';
import { StateMachines } from './state-machines.ts';
import { CommerceTable } from './table.ts';
import { wireFunctions } from './wiring.ts';

export interface CommerceStackProps extends StackProps {
  /** The application definition; everything in the stack is built from it. */
  readonly definition: AppDefinition;
  readonly stage: StageSettings;
}

/** The whole backend of one stage, built from the application definition. */
export class CommerceStack extends Stack {
  readonly definition: AppDefinition;
  readonly stage: StageSettings;
  readonly dataKey: DataKey;
  readonly table: CommerceTable;
  readonly eventBus: CommerceEventBus;
  readonly functions: Functions;
  readonly queues: Queues;
  readonly rules: Rules;
  readonly stateMachines: StateMachines;
  readonly pipes: Pipes;
  readonly secrets: Secrets;
  readonly auth: Auth;
  readonly schedules: Schedules;
  readonly httpApi: CommerceHttpApi;
  readonly deadLetterAlarms: DeadLetterAlarms;

  constructor(scope: Construct, id: string, props: CommerceStackProps) {
    const { definition, stage, ...stackProps } = props;
    super(scope, id, { description: `${definition.name} backend (${stage.name})`, ...stackProps });
    this.definition = definition;
    this.stage = stage;
    const retained = { removalPolicy: stage.removalPolicy };
    const logs = { logRetention: stage.logRetention, logRemovalPolicy: stage.removalPolicy };

    this.dataKey = new DataKey(this, 'DataKey', retained);
    const encryptionKey = this.dataKey.key;
    this.table = new CommerceTable(this, 'Table', { definition: definition.table, ...retained });
    this.eventBus = new CommerceEventBus(this, 'Events', { archiveRetention: stage.archiveRetention });
    this.functions = new Functions(this, 'Functions', {
      definition,
      encryptionKey,
      ...logs,
      logLevel: stage.logLevel,
    });
    const functions = this.functions;
    this.queues = new Queues(this, 'Queues', { definition, functions });
    this.rules = new Rules(this, 'Rules', { definition, bus: this.eventBus.bus, queues: this.queues });
    this.stateMachines = new StateMachines(this, 'StateMachines', {
      definition,
      functions,
      encryptionKey,
      ...logs,
    });
    this.pipes = new Pipes(this, 'Pipes', { definition, table: this.table.table, functions });
    this.schedules = new Schedules(this, 'Schedules', { definition, functions });
    this.secrets = new Secrets(this, 'Secrets', { definition, encryptionKey, ...retained });
    const postConfirmation = definition.userPoolTriggers?.postConfirmation;
    this.auth = new Auth(this, 'Auth', {
      ...retained,
      ...(postConfirmation ? { postConfirmation: functions.get(postConfirmation).fn } : {}),
    });
    this.httpApi = new CommerceHttpApi(this, 'Http', {
      definition,
      functions,
      auth: this.auth,
      encryptionKey,
      ...logs,
      corsOrigins: stage.corsOrigins,
    });
    wireFunctions(definition, functions, {
      table: this.table.table,
      bus: this.eventBus.bus,
      queues: this.queues,
      stateMachines: this.stateMachines,
      secrets: this.secrets,
      auth: this.auth,
      mail: stage.mail,
    });

    this.deadLetterAlarms = new DeadLetterAlarms(this, 'DeadLetterAlarms', {
      deadLetterQueues: [
        ...this.queues.entries().map(([name, q]) => [`Queue.${name}`, q.deadLetterQueue] as const),
        ...this.rules.entries().map(([name, r]) => [`Rule.${name}`, r.deadLetterQueue] as const),
        ...this.pipes.entries().map(([name, p]) => [`Pipe.${name}`, p.deadLetterQueue] as const),
        ...this.schedules.entries().map(([name, q]) => [`Schedule.${name}`, q] as const),
      ],
    });

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
  }
}
