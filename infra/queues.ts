import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppDefinition, QueueDef } from '#platform/definition/types.ts';
import type { Lookup } from './built.ts';
import type { CommerceFunction } from './function.ts';
import { markDefinitionName } from './naming.ts';

/**
 * Queues carry events for minutes, not data at rest for years: SQS-managed encryption protects them
 * without giving EventBridge and Pipes rights on the data key. TLS is enforced by the queue policy.
 */
export const secureQueueDefaults = {
  encryption: QueueEncryption.SQS_MANAGED,
  enforceSSL: true,
} as const;

/** How long a dead letter waits for someone to look at it: the SQS maximum. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface QueuesProps {
  readonly definition: AppDefinition;
  readonly functions: Lookup<CommerceFunction>;
  /**
   * The definition's queues to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
}

/** A queue of the definition with its dead-letter queue. */
export interface CommerceQueue {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
}

/** Per definition queue: queue + DLQ, consumed by its function through an SQS event source. */
export class Queues extends Construct {
  private readonly byName = new Map<string, CommerceQueue>();

  constructor(scope: Construct, id: string, props: QueuesProps) {
    super(scope, id);
    for (const [name, def] of Object.entries(props.definition.queues)) {
      if (!props.names.includes(name)) continue;
      const consumer = props.functions.get(def.consumer).fn;
      if (consumer.timeout && def.visibilityTimeoutSeconds < consumer.timeout.toSeconds()) {
        // Otherwise a message becomes visible again while its first delivery is still being processed.
        throw new Error(`Queue "${name}": visibility timeout is shorter than ${def.consumer}'s timeout.`);
      }
      const queue = this.createQueue(name, def);
      consumer.addEventSource(
        new SqsEventSource(queue.queue, {
          batchSize: def.batchSize,
          maxBatchingWindow:
            def.maxBatchingWindowSeconds === undefined
              ? undefined
              : Duration.seconds(def.maxBatchingWindowSeconds),
          // One bad message must not send its whole batch back to the queue (and towards the DLQ).
          reportBatchItemFailures: true,
        }),
      );
      this.byName.set(name, queue);
    }
  }

  /** The queue the definition calls `name`; throws if it does not exist. */
  get(name: string): CommerceQueue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`The definition refers to queue "${name}", which it does not define.`);
    return queue;
  }

  /** Every queue with its definition name. */
  entries(): [string, CommerceQueue][] {
    return [...this.byName.entries()];
  }

  private createQueue(name: string, def: QueueDef): CommerceQueue {
    const scope = new Construct(this, name);
    const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
      ...secureQueueDefaults,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    const queue = new Queue(scope, 'Queue', {
      ...secureQueueDefaults,
      visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: def.maxReceiveCount },
    });
    markDefinitionName(scope, queue, name);
    return { queue, deadLetterQueue };
  }
}
