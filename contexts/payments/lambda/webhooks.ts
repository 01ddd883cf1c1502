import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { webhookOperations } from '../operations/webhooks.ts';
import { webhookServices } from '../wiring.ts';

/** The `stripeWebhook` function: `POST /webhooks/stripe`, routed by `routeKey`. */
export const handler = httpRouter(webhookOperations, webhookServices(requireEnv('TABLE_NAME')));
