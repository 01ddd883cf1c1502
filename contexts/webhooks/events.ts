import { z } from 'zod';

/** The bus source of the webhooks' own events. */
export const WEBHOOKS_SOURCE = 'commerce.webhooks' as const;

/** `WebhookDisabled`: a subscription stopped receiving after its deliveries kept failing. */
export const webhookDisabledData = z
  .object({
    webhookId: z.string().max(64),
    url: z.string().max(2048),
    reason: z.enum(['consecutive_failures']),
    consecutiveFailures: z.number().int().positive(),
  })
  .meta({ description: 'A webhook subscription was disabled after its deliveries kept failing' });

/** The webhooks' events as the events catalog lists them. */
export const webhookEvents = [
  { source: WEBHOOKS_SOURCE, detailType: 'WebhookDisabled', schema: webhookDisabledData },
] as const;
