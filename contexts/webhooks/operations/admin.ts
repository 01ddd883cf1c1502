import { listWebhookDeliveries, redeliverWebhook, testWebhook } from './deliveries.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from './subscriptions.ts';

/** The operations of the `webhooksAdmin` function: subscriptions, their log, redeliveries and pings. */
export const webhookAdminOperations = [
  createWebhook,
  listWebhooks,
  getWebhook,
  updateWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  listWebhookDeliveries,
  redeliverWebhook,
  testWebhook,
];
