import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret, withSecret } from '#platform/config/secrets.ts';
import { isScheduledEvent } from '#platform/events/scheduled.ts';
import { httpRouter } from '#platform/http/router.ts';
import { sweepDueDeliveries } from '../data/sweep.ts';
import { webhookAdminOperations } from '../operations/admin.ts';
import { webhookServices, webhookSettings } from '../wiring.ts';

const table = requireEnv('TABLE_NAME');
const queueUrl = requireEnv('QUEUE_URL_WEBHOOKS');
const settings = webhookSettings(process.env);
const services = withSecret(generatedSecret('cursorKey'), (cursorKey) =>
  webhookServices(table, cursorKey, queueUrl, settings),
);
const router = httpRouter(webhookAdminOperations, services);
const logger = new Logger();

/** The `webhookRetries` schedule's tick: queues the deliveries whose next attempt is due. */
const sweep = async () => {
  const result = await sweepDueDeliveries(await services());
  if (result.queued > 0) logger.info('webhook retry sweep', { ...result });
  return result;
};

/**
 * The `webhooksAdmin` function: the back office's subscriptions, delivery log, redeliveries and pings,
 * routed by `routeKey`, and the retry sweep on the schedule's ticks (one function, so the schedule
 * costs a permission and no function of its own).
 */
export const handler = async (event: unknown, context: Context) =>
  isScheduledEvent(event) ? sweep() : router(event as APIGatewayProxyEventV2, context);
