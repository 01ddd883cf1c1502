import { randomUUID } from 'node:crypto';
import { json } from '#platform/http/response.ts';
import { deliveryView } from '../data/delivery-items.ts';
import { enqueueDelivery, newDelivery } from '../data/dispatch.ts';
import {
  deliveriesQuery,
  deliveryPageSchema,
  deliveryPath,
  deliverySchema,
  TEST_EVENT_TYPE,
} from '../domain/delivery.ts';
import { webhookPath } from '../domain/subscription.ts';
import { webhookAdminOperation } from '../wiring.ts';

const noStore = { 'cache-control': 'no-store' } as const;
const tags = ['webhooks', 'admin'] as const;

/** GET /admin/webhooks/{webhookId}/deliveries: the delivery log, newest first. */
export const listWebhookDeliveries = webhookAdminOperation({
  route: 'GET /admin/webhooks/{webhookId}/deliveries',
  access: 'admin',
  operationId: 'adminListWebhookDeliveries',
  summary: 'A webhook’s deliveries, newest first',
  description:
    'Each delivery of an event to this subscription: `status` (`pending`, `delivered`, `failed`: every ' +
    'attempt used), `attempts`, the last answer’s status code, latency and error, and when the next ' +
    'attempt is due. `?status=` keeps one status (a page may then come back short, with a cursor). Kept ' +
    '30 days.',
  tags: [...tags],
  request: { path: webhookPath, query: deliveriesQuery },
  responses: { 200: { description: 'A page of deliveries', schema: deliveryPageSchema } },
  problems: { 400: ['invalid_cursor'], 404: ['webhook_not_found'] },
  handle: async ({ path, query }, { subscriptions, deliveries }) => {
    await subscriptions.require(path.webhookId);
    return json(200, await deliveries.list(path.webhookId, query), noStore);
  },
});

/** POST …/deliveries/{deliveryId}/redeliver: the same delivery again, attempts from zero. */
export const redeliverWebhook = webhookAdminOperation({
  route: 'POST /admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
  access: 'admin',
  operationId: 'adminRedeliverWebhook',
  summary: 'Send a delivery again',
  description:
    'Starts the delivery over: `pending`, attempts from zero, the same `webhook-id` and body (signed anew), ' +
    'the first attempt now. Repeating the request while it is pending starts it over again; the receiver ' +
    'tells duplicates apart by `webhook-id`.',
  tags: [...tags],
  request: { path: deliveryPath },
  responses: { 202: { description: 'The delivery, queued', schema: deliverySchema } },
  problems: { 404: ['webhook_not_found', 'delivery_not_found'] },
  handle: async ({ path }, { subscriptions, deliveries, queue }) => {
    await subscriptions.require(path.webhookId);
    const restarted = await deliveries.restart(path.webhookId, path.deliveryId, new Date());
    await queue.send({ webhookId: path.webhookId, deliveryId: path.deliveryId, attempts: 0 });
    return json(202, deliveryView(restarted), noStore);
  },
});

/** POST /admin/webhooks/{webhookId}/test: a `WebhookTest` ping delivery, sent now. */
export const testWebhook = webhookAdminOperation({
  route: 'POST /admin/webhooks/{webhookId}/test',
  access: 'admin',
  operationId: 'adminTestWebhook',
  summary: 'Send a test ping',
  description:
    'Queues a delivery of a `WebhookTest` event (`data.webhookId`) at once, signed and retried like any ' +
    'other, also to a disabled subscription, so a receiver can be checked before it is re-enabled. Follow ' +
    'it in the delivery log.',
  tags: [...tags],
  request: { path: webhookPath },
  responses: { 202: { description: 'The ping’s delivery, queued', schema: deliverySchema } },
  problems: { 404: ['webhook_not_found'] },
  handle: async ({ path }, services) => {
    await services.subscriptions.require(path.webhookId);
    const now = new Date();
    const payload = {
      type: TEST_EVENT_TYPE,
      id: randomUUID(),
      timestamp: now.toISOString(),
      data: { webhookId: path.webhookId },
    };
    const delivery = await enqueueDelivery(services, newDelivery(path.webhookId, payload, now), now);
    return json(202, deliveryView(delivery), {
      location: `/admin/webhooks/${path.webhookId}/deliveries`,
      ...noStore,
    });
  },
});
