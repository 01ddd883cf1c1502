import type { CfnRule, EventPattern, IEventBus } from 'aws-cdk-lib/aws-events';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition, RuleDef } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import { markDefinitionName, primaryResource } from './naming.ts';
import type { CommerceQueue } from './queues.ts';
import { DEAD_LETTER_RETENTION, secureQueueDefaults } from './queues.ts';

export interface RulesProps {
  readonly definition: AppDefinition;
  readonly bus: IEventBus;
  readonly queues: Lookup<CommerceQueue>;
  /**
   * The definition's rules to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
}

/** A rule of the definition and the queue that catches what EventBridge could not deliver. */
export interface CommerceRule {
  readonly rule: Rule;
  readonly deadLetterQueue: Queue;
}

/** Per definition rule: an EventBridge rule on the bus whose pattern is the definition's, to a queue. */
export class Rules extends Construct {
  private readonly byName = new Map<string, CommerceRule>();

  constructor(scope: Construct, id: string, props: RulesProps) {
    super(scope, id);
    for (const [name, def] of Object.entries(props.definition.rules)) {
      if (!props.names.includes(name)) continue;
      this.byName.set(name, this.createRule(name, def, props));
    }
  }

  /** Every rule with its definition name. */
  entries(): [string, CommerceRule][] {
    return [...this.byName.entries()];
  }

  private createRule(name: string, def: RuleDef, props: RulesProps): CommerceRule {
    const scope = new Construct(this, name);
    // Delivery to the queue is retried by EventBridge (24 h by default); what still fails lands here.
    const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
      ...secureQueueDefaults,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    const rule = new Rule(scope, 'Rule', {
      eventBus: props.bus,
      description: def.description,
      // The L2 needs a pattern to validate; the typed view is only a view, see the override below.
      eventPattern: def.pattern as EventPattern,
      targets: [new SqsQueue(props.queues.get(def.queue).queue, { deadLetterQueue })],
    });
    // The L2 renames `detailType` and merges arrays; the L1 property takes the definition's pattern
    // verbatim, so every operator ($or, anything-but, wildcard, numeric, cidr...) reaches EventBridge
    // exactly as the local cloud's matcher reads it.
    (primaryResource(rule) as CfnRule).eventPattern = structuredClone(def.pattern);
    markDefinitionName(scope, rule, name);
    return { rule, deadLetterQueue };
  }
}
