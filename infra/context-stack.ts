import { NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { FunctionBundler } from './bundling.ts';
import { DeadLetterAlarms, deadLetterQueues } from './dead-letter-alarms.ts';
import type { CommerceFunction } from './function.ts';
import { Functions } from './functions.ts';
import { Pipes } from './pipes.ts';
import { Queues } from './queues.ts';
import { Rules } from './rules.ts';
import { Schedules } from './schedules.ts';
import { type Placement, placedIn, type StackPlan } from './stack-groups.ts';
import { StateMachines } from './state-machines.ts';
import type { CommerceTable } from './table.ts';
import { type WiringResources, wireFunctions } from './wiring.ts';

/** What every group's resources share with the root stack. */
export interface ContextStackShared {
  readonly definition: AppDefinition;
  readonly plan: StackPlan;
  readonly encryptionKey: IKey;
  readonly bundler: FunctionBundler;
  readonly apiLogs?: LogGroup;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly logLevel: string;
}

/**
 * The nested stack of one group of contexts (stack-groups.ts): the functions of its contexts with their
 * roles and log groups (and each function's invoke permission for the API, whose routes are the root
 * stack's), and their queues, rules, state machines, pipes, schedules and dead-letter alarms. Built in
 * phases by the root stack, because entries of one group may reference another's (a state machine
 * starting one built elsewhere, a function granted another group's queue): each phase runs
 * for every group before the next starts. Construct ids are the ones the single stack used, so a logical
 * id inside a nested stack is the one its resource had before the split.
 */
export class ContextStack extends NestedStack {
  readonly group: string;
  private readonly shared: ContextStackShared;
  functions?: Functions;
  queues?: Queues;
  rules?: Rules;
  stateMachines?: StateMachines;
  pipes?: Pipes;
  schedules?: Schedules;
  deadLetterAlarms?: DeadLetterAlarms;

  constructor(scope: Construct, group: string, shared: ContextStackShared) {
    super(scope, group, { description: `${shared.definition.name}: the ${group} contexts` });
    this.group = group;
    this.shared = shared;
  }

  private names(map: ReadonlyMap<string, Placement>): string[] {
    return placedIn(map, this.group);
  }

  buildFunctions(): Functions {
    const s = this.shared;
    this.functions = new Functions(this, 'Functions', {
      definition: s.definition,
      names: this.names(s.plan.functions),
      encryptionKey: s.encryptionKey,
      bundler: s.bundler,
      ...(s.apiLogs ? { apiLogs: s.apiLogs } : {}),
      logRetention: s.logRetention,
      logRemovalPolicy: s.logRemovalPolicy,
      logLevel: s.logLevel,
    });
    return this.functions;
  }

  buildQueues(functions: Lookup<CommerceFunction>): Queues {
    const names = this.names(this.shared.plan.queues);
    this.queues = new Queues(this, 'Queues', { definition: this.shared.definition, functions, names });
    return this.queues;
  }

  buildRules(wiring: Pick<WiringResources, 'bus' | 'queues'>): Rules {
    const names = this.names(this.shared.plan.rules);
    this.rules = new Rules(this, 'Rules', { definition: this.shared.definition, ...wiring, names });
    return this.rules;
  }

  buildStateMachines(functions: Lookup<CommerceFunction>, others: Lookup<StateMachine>): StateMachines {
    const s = this.shared;
    this.stateMachines = new StateMachines(this, 'StateMachines', {
      definition: s.definition,
      functions,
      others,
      names: this.names(s.plan.stateMachines),
      encryptionKey: s.encryptionKey,
      logRetention: s.logRetention,
      logRemovalPolicy: s.logRemovalPolicy,
    });
    return this.stateMachines;
  }

  buildPipes(table: CommerceTable, functions: Lookup<CommerceFunction>): Pipes {
    const names = this.names(this.shared.plan.pipes);
    this.pipes = new Pipes(this, 'Pipes', {
      definition: this.shared.definition,
      table: table.table,
      functions,
      names,
    });
    return this.pipes;
  }

  buildSchedules(functions: Lookup<CommerceFunction>): Schedules {
    const names = this.names(this.shared.plan.schedules);
    this.schedules = new Schedules(this, 'Schedules', {
      definition: this.shared.definition,
      functions,
      names,
    });
    return this.schedules;
  }

  wire(resources: WiringResources): void {
    if (this.functions) wireFunctions(this.shared.definition, this.functions, resources);
  }

  /** One alarm per dead-letter queue of the group. */
  buildDeadLetterAlarms(): void {
    this.deadLetterAlarms = new DeadLetterAlarms(this, 'DeadLetterAlarms', {
      deadLetterQueues: deadLetterQueues(this),
    });
  }
}
