/** A queue the commands can look at: its dead-letter queue, and where redriven messages go back to. */
export interface OpsQueue {
  readonly name: string;
  /** The queue consumers read; absent for a rule's, pipe's or schedule's dead-letter queue. */
  readonly url?: string;
  readonly dlqUrl: string;
}

/** What a stage's stack says of one of its queues: the stack resource and its SQS attributes. */
export interface DeployedQueue {
  /** Logical ids from the root stack down (`<nested stack>/<queue>`). */
  readonly path: string;
  readonly url: string;
  readonly arn?: string | undefined;
  /** The dead-letter queue its redrive policy names, if any. */
  readonly deadLetterTargetArn?: string | undefined;
}

/**
 * The dead-letter queues among a stage's queues (pure): one a queue's redrive policy names (its messages
 * go back there), or a rule's, pipe's or schedule's (their constructs name it `DeadLetter…`; those have
 * no queue to go back to). Named after the logical path, without its `DeadLetter…` tail.
 */
export const deadLetterQueuesOf = (queues: readonly DeployedQueue[]): OpsQueue[] =>
  queues
    .filter((q) => queues.some((s) => s.deadLetterTargetArn === q.arn) || /DeadLetter/i.test(q.path))
    .map((dlq) => {
      const source = queues.find((s) => s.deadLetterTargetArn === dlq.arn);
      return {
        name: dlq.path.replace(/DeadLetter\w*$/i, '') || dlq.path,
        ...(source ? { url: source.url } : {}),
        dlqUrl: dlq.url,
      };
    });
