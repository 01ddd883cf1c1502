import { Aws } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition, PipeDef } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';
import { markDefinitionName } from './naming.ts';
import { DEAD_LETTER_RETENTION, secureQueueDefaults } from './queues.ts';

export interface PipesProps {
  readonly definition: AppDefinition;
  readonly table: TableV2;
  readonly functions: Lookup<CommerceFunction>;
  /**
   * The definition's pipes to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
  /**
   * Attempts on a failing batch before its stream position goes to the pipe's DLQ. Unbounded retries
   * (the stream default) would stall the shard, and with it every later outbox record, for 24 hours.
   * @default 10
   */
  readonly maximumRetryAttempts?: number;
}

/** A pipe of the definition with its role and dead-letter queue. */
export interface CommercePipe {
  readonly pipe: CfnPipe;
  readonly role: Role;
  readonly deadLetterQueue: Queue;
}

/** Per definition pipe: table stream → filter → target function, as an EventBridge Pipe. */
export class Pipes extends Construct {
  private readonly byName = new Map<string, CommercePipe>();

  constructor(scope: Construct, id: string, props: PipesProps) {
    super(scope, id);
    for (const [name, def] of Object.entries(props.definition.pipes)) {
      if (!props.names.includes(name)) continue;
      this.byName.set(name, this.createPipe(name, def, props));
    }
    this.updateBeforeWriters(props);
  }

  /**
   * Every function that writes the table and is no pipe's target is created and updated after the
   * pipes. A release may change what a filter must match, as when an order's events came to ride on its
   * body (`outboxEvents`): a writer updated before the filter would make records the old filter drops,
   * and a dropped record is never retried. The other way round, a new filter only adds matches its
   * target already reads. (A pipe's own target comes first anyway, and pipe targets depending on each
   * other's pipes would be a cycle.)
   */
  private updateBeforeWriters(props: PipesProps): void {
    const targets = new Set(Object.values(props.definition.pipes).map((def) => def.target));
    const pipes = [...this.byName.values()].map(({ pipe }) => pipe);
    for (const [name, def] of Object.entries(props.definition.functions)) {
      if (def.uses?.table !== 'readWrite' || targets.has(name)) continue;
      props.functions.get(name).fn.node.addDependency(...pipes);
    }
  }

  /** Every pipe with its definition name. */
  entries(): [string, CommercePipe][] {
    return [...this.byName.entries()];
  }

  private createPipe(name: string, def: PipeDef, props: PipesProps): CommercePipe {
    const scope = new Construct(this, name);
    const target = props.functions.get(def.target).fn;
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error(`Pipe "${name}" reads the table stream, but the table has none.`);
    const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
      ...secureQueueDefaults,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    const role = new Role(scope, 'Role', {
      // Only pipes of this account may use the role (confused-deputy guard).
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: `Pipe ${name}: reads the table stream, invokes ${def.target}`,
    });
    props.table.grantStreamRead(role);
    deadLetterQueue.grantSendMessages(role);
    role.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
    );
    const pipe = new CfnPipe(scope, 'Pipe', {
      description: def.description,
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: def.batchSize,
          maximumRetryAttempts: props.maximumRetryAttempts ?? 10,
          deadLetterConfig: { arn: deadLetterQueue.queueArn },
        },
        // Filtered by EventBridge before the target runs: non-outbox writes cost no invocation.
        filterCriteria: { filters: [{ pattern: JSON.stringify(def.filter) }] },
      },
      target: target.functionArn,
      targetParameters: { lambdaFunctionParameters: { invocationType: 'REQUEST_RESPONSE' } },
    });
    // The pipe validates its permissions on creation, so the role's policy must exist first.
    pipe.node.addDependency(role);
    markDefinitionName(scope, pipe, name);
    return { pipe, role, deadLetterQueue };
  }
}
