import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';

/** SQS takes at most 15 minutes of delay; a longer wait is the sweep's (docs/webhooks.md#retries). */
export const MAX_QUEUE_DELAY_MS = 15 * 60 * 1000;

/**
 * How long an attempt (or a queued job) may take before the sweep assumes it lost and queues it again:
 * above the worker's timeout and any queue latency. A duplicate it causes takes nothing (`claim`).
 */
export const LEASE_MS = 2 * 60 * 1000;

/** A delivery job on the `webhooks` queue: make attempt `attempts + 1` at this delivery. */
export const deliveryJob = z.strictObject({
  webhookId: z.string().max(64),
  deliveryId: z.string().max(64),
  attempts: z.number().int().min(0),
});
export type DeliveryJob = z.infer<typeof deliveryJob>;

let client: SQSClient | undefined;

/** Queues delivery jobs at one queue URL, optionally after a delay (whole seconds, up to 15 minutes). */
export const deliveryQueue = (queueUrl: string) => ({
  async send(job: DeliveryJob, delayMs = 0): Promise<void> {
    client ??= new SQSClient({});
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(job),
        // Rounded up: an attempt never goes earlier than its backoff says.
        DelaySeconds: Math.min(900, Math.ceil(delayMs / 1000)),
      }),
    );
  },
});
export type DeliveryQueue = ReturnType<typeof deliveryQueue>;
