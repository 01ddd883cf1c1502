import { z } from 'zod';

/** `detail` of every domain event: `{ id, occurredAt, schemaVersion, data }`. */
export const eventDetail = <D extends z.ZodType>(data: D) =>
  z.object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    schemaVersion: z.number().int().positive(),
    data,
  });

/** An event as EventBridge delivers it to a target (and as SQS carries it in a message body). */
export const busEvent = <D extends z.ZodType>(detail: D) =>
  z.object({
    version: z.literal('0'),
    id: z.string(),
    'detail-type': z.string().min(1),
    source: z.string().regex(/^commerce\.[a-z]+$/),
    account: z.string(),
    time: z.string(),
    region: z.string(),
    resources: z.array(z.string()),
    detail,
  });
