/** Every key of the webhooks' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the webhooks' items (table and indexes). */
export const webhookKeyPrefixes = ['WEBHOOK#', 'WEBHOOKS#'] as const;

const pk = (webhookId: string) => `WEBHOOK#${webhookId}`;

/** gsi1 partition of every subscription: few (tens), read whole by the dispatcher's cache. */
const SUBSCRIPTIONS = 'WEBHOOKS#subscriptions';
/** gsi1 partition of the deliveries waiting for their next attempt (sparse). */
const DUE = 'WEBHOOKS#due';

export const webhookKeys = {
  /** A subscription; gsi1 lists them oldest first (`createdAt` sorts). */
  subscription: (webhookId: string) => ({ pk: pk(webhookId), sk: 'SUBSCRIPTION' }),
  subscriptionIndex: (createdAt: string, webhookId: string) => ({
    gsi1pk: SUBSCRIPTIONS,
    gsi1sk: `${createdAt}#${webhookId}`,
  }),
  subscriptionsPartition: SUBSCRIPTIONS,
  /**
   * The delivery of one event to a subscription, in the subscription's partition (each delivery writes it
   * a few times: far below a partition's 1,000 WCU/s for any one receiver's event rate).
   */
  delivery: (webhookId: string, deliveryId: string) => ({ pk: pk(webhookId), sk: `DELIVERY#${deliveryId}` }),
  /** gsi2 of a delivery: the subscription's log, newest first. */
  deliveryLog: (webhookId: string, createdAt: string, deliveryId: string) => ({
    gsi2pk: `WEBHOOK#${webhookId}#deliveries`,
    gsi2sk: `${createdAt}#${deliveryId}`,
  }),
  deliveryLogPartition: (webhookId: string) => `WEBHOOK#${webhookId}#deliveries`,
  /**
   * gsi1 of a `pending` delivery: when its next attempt is due (ISO 8601 sorts by time). Sparse: removed
   * when it is delivered or failed. The sweep reads what is due (1 Query); one partition, as payments'
   * refund retries, written once per attempt.
   */
  due: (at: string, webhookId: string, deliveryId: string) => ({
    gsi1pk: DUE,
    gsi1sk: `${at}#${webhookId}#${deliveryId}`,
  }),
  duePartition: DUE,
};

/** The `entity` attribute of the webhooks' items. */
export const Entity = { subscription: 'WEBHOOK', delivery: 'WEBHOOK_DELIVERY' } as const;
