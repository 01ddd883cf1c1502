import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueDef } from '#platform/definition/types.ts';

/** Where one queue of the definition and its dead-letter queue live on the local endpoint. */
export interface LocalQueue {
  readonly logicalName: string;
  readonly def: QueueDef;
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly dlqName: string;
  readonly dlqUrl: string;
}

export interface QueueNaming {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly queueName: (logicalName: string) => string;
  readonly visibilityScale: number;
}

// URLs carry the endpoint's own host rather than fauxqs' `sqs.<region>.localhost`, which does not
// resolve: an SDK client without an explicit endpoint sends requests to the QueueUrl's host. fauxqs
// finds a queue by the URL's last path segment, so the account segment is free to match ARNs.
const queueUrl = (n: QueueNaming, name: string): string => `${n.endpoint}/${n.accountId}/${name}`;

// 14 days, the SQS maximum, as the CDK stack gives dead-letter queues (fauxqs does not expire messages).
const DEAD_LETTER_RETENTION = String(14 * 24 * 60 * 60);

// SQS takes whole seconds; a scaled timeout of 0 would hand a failed message straight back.
const visibilityTimeout = (def: QueueDef, scale: number): string =>
  String(Math.max(1, Math.round(def.visibilityTimeoutSeconds * scale)));

const fauxqsArn = async (client: SQSClient, url: string): Promise<string> => {
  const out = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = out.Attributes?.QueueArn;
  if (arn === undefined) throw new Error(`SQS did not report an ARN for ${url}`);
  return arn;
};

/**
 * Creates a queue and its `<name>-dlq` through the SQS API, as CloudFormation would: the dead-letter
 * queue first, then the queue with a redrive policy pointing at it. fauxqs itself moves a message to
 * the DLQ on the receive after `maxReceiveCount`, as SQS does.
 */
export const createQueue = async (
  client: SQSClient,
  naming: QueueNaming,
  logicalName: string,
  def: QueueDef,
): Promise<LocalQueue> => {
  const name = naming.queueName(logicalName);
  const dlqName = `${name}-dlq`;
  const dlq = await client.send(
    new CreateQueueCommand({
      QueueName: dlqName,
      Attributes: { MessageRetentionPeriod: DEAD_LETTER_RETENTION },
    }),
  );
  // The redrive policy must name the DLQ by the ARN fauxqs resolves, which always carries its own
  // account id (000000000000), whatever account the local cloud reports.
  const deadLetterTargetArn = await fauxqsArn(client, dlq.QueueUrl ?? queueUrl(naming, dlqName));
  await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: visibilityTimeout(def, naming.visibilityScale),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn, maxReceiveCount: def.maxReceiveCount }),
      },
    }),
  );
  return {
    logicalName,
    def,
    name,
    url: queueUrl(naming, name),
    arn: `arn:aws:sqs:${naming.region}:${naming.accountId}:${name}`,
    dlqName,
    dlqUrl: queueUrl(naming, dlqName),
  };
};
