import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { queryPage } from '#platform/data/pages.ts';
import type { AttemptResult, DeliveriesQuery, DeliveryPage } from '../domain/delivery.ts';
import { DeliveryNotFoundError } from '../domain/errors.ts';
import { deliveryFromItem, deliveryItem, deliveryView, type StoredDelivery } from './delivery-items.ts';
import { LEASE_MS } from './delivery-queue.ts';
import { webhookKeys } from './keys.ts';

/** What an attempt's outcome does to the delivery: delivered, due again at a time, or failed for good. */
export type AttemptOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly nextAttemptAt: string; readonly dueAt: string }
  | { readonly kind: 'failed' };

const update = async (input: ConstructorParameters<typeof UpdateCommand>[0]): Promise<boolean> => {
  try {
    await documentClient().send(new UpdateCommand(input));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Deliveries in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class DeliveryStore {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /**
   * Records a delivery once (1 PutItem, conditional on its id being new): a second call for the same
   * subscription and event answers the stored one, `created: false`.
   */
  async create(
    delivery: StoredDelivery,
    dueAt: string,
  ): Promise<{ created: boolean; delivery: StoredDelivery }> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: deliveryItem(delivery, dueAt),
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { created: true, delivery };
    } catch (error) {
      if (!isConditionFailure(error) || !error.Item) throw error;
      return {
        created: false,
        delivery: deliveryFromItem(unmarshall(error.Item as Parameters<typeof unmarshall>[0])),
      };
    }
  }

  /** One delivery (1 GetItem, strongly consistent). */
  async get(webhookId: string, deliveryId: string): Promise<StoredDelivery | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: webhookKeys.delivery(webhookId, deliveryId),
        ConsistentRead: true,
      }),
    );
    return Item ? deliveryFromItem(Item) : undefined;
  }

  /** One page of a subscription's log, newest first, optionally of one status (1 Query on gsi2). */
  async list(webhookId: string, query: DeliveriesQuery): Promise<DeliveryPage> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        // A filter reads past the others (a page may come back short, with a cursor): one subscription's
        // log is small next to a partition's read rate, and the status needs no index of its own.
        ...(query.status ? { FilterExpression: '#status = :status' } : {}),
        ExpressionAttributeNames: query.status ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: {
          ':pk': webhookKeys.deliveryLogPartition(webhookId),
          ...(query.status ? { ':status': query.status } : {}),
        },
        ScanIndexForward: false,
      },
      {
        limit: query.limit,
        cursor: query.cursor,
        cursorSecret: this.#cursorSecret,
        scope: `webhook-deliveries:${webhookId}:${query.status ?? ''}`,
      },
    );
    return {
      items: page.items.map((item) => deliveryView(deliveryFromItem(item))),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Takes attempt `attempts + 1` (1 UpdateItem, ALL_NEW): conditional on the delivery still `pending`
   * with the attempts the job was queued at, so a duplicate job, an old one, a sweep's re-enqueue of an
   * attempt under way or a job for a delivery that is gone takes nothing (undefined). Its due time moves
   * to `leaseUntil`: if this attempt dies, the sweep queues the next. Answers the delivery as claimed, so
   * the sender needs no read of its own.
   */
  async claim(
    job: { readonly webhookId: string; readonly deliveryId: string },
    attempts: number,
    now: Date,
    leaseUntil: string,
  ): Promise<StoredDelivery | undefined> {
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: webhookKeys.delivery(job.webhookId, job.deliveryId),
          UpdateExpression: 'SET attempts = :next, lastAttemptAt = :now, updatedAt = :now, gsi1sk = :due',
          ConditionExpression: '#status = :pending AND attempts = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':next': attempts + 1,
            ':seen': attempts,
            ':now': now.toISOString(),
            ':pending': 'pending',
            ':due': webhookKeys.due(leaseUntil, job.webhookId, job.deliveryId).gsi1sk,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? deliveryFromItem(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /**
   * Records what attempt `attempt` came to (1 UpdateItem, conditional on it being the latest attempt, so
   * a redelivery started meanwhile is not overwritten). Delivered or failed, it leaves the sweep's index.
   */
  async record(
    d: StoredDelivery,
    attempt: number,
    result: AttemptResult,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<boolean> {
    const status = outcome.kind === 'retry' ? 'pending' : outcome.kind;
    const due =
      outcome.kind === 'retry' ? webhookKeys.due(outcome.dueAt, d.webhookId, d.deliveryId) : undefined;
    return update({
      TableName: this.#table,
      Key: webhookKeys.delivery(d.webhookId, d.deliveryId),
      UpdateExpression:
        'SET #status = :status, lastStatusCode = :code, lastLatencyMs = :latency, lastError = :error, ' +
        `nextAttemptAt = :next, updatedAt = :now${due ? ', gsi1sk = :due' : ' REMOVE gsi1pk, gsi1sk'}`,
      ConditionExpression: '#status = :pending AND attempts = :attempt',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status,
        ':code': result.statusCode,
        ':latency': result.latencyMs,
        ':error': result.error,
        ':next': outcome.kind === 'retry' ? outcome.nextAttemptAt : null,
        ':now': now.toISOString(),
        ':pending': 'pending',
        ':attempt': attempt,
        ...(due ? { ':due': due.gsi1sk } : {}),
      },
    });
  }

  /**
   * Starts a delivery over (1 UpdateItem, ALL_NEW): `pending`, no attempts, the same id and body; its
   * first attempt is the caller's job to queue, so the sweep's entry is due a lease later (as for a new
   * delivery): a sweep tick before the worker claims it queues no duplicate. 404 `delivery_not_found`
   * when the subscription has no such delivery.
   */
  async restart(webhookId: string, deliveryId: string, now: Date): Promise<StoredDelivery> {
    const at = now.toISOString();
    const due = webhookKeys.due(new Date(now.getTime() + LEASE_MS).toISOString(), webhookId, deliveryId);
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: webhookKeys.delivery(webhookId, deliveryId),
          UpdateExpression:
            'SET #status = :pending, attempts = :zero, nextAttemptAt = :now, updatedAt = :now, ' +
            'gsi1pk = :duePk, gsi1sk = :dueSk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':zero': 0,
            ':now': at,
            ':duePk': due.gsi1pk,
            ':dueSk': due.gsi1sk,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return deliveryFromItem(Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) throw new DeliveryNotFoundError(deliveryId);
      throw error;
    }
  }

  /** `pending` deliveries whose due time has passed, soonest first (1 Query on gsi1, eventually consistent). */
  async due(now: Date, limit: number): Promise<{ delivery: StoredDelivery; dueKey: string }[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
        ExpressionAttributeValues: { ':pk': webhookKeys.duePartition, ':now': now.toISOString() },
        Limit: limit,
      }),
    );
    return Items.map((item) => ({ delivery: deliveryFromItem(item), dueKey: String(item.gsi1sk) }));
  }

  /**
   * Moves a due delivery's due time on to `leaseUntil` (1 UpdateItem, conditional on the entry read), so
   * of two sweeps one queues it, and if its job is lost the next lease queues it again.
   */
  async postpone(d: StoredDelivery, seenKey: string, leaseUntil: string): Promise<boolean> {
    return update({
      TableName: this.#table,
      Key: webhookKeys.delivery(d.webhookId, d.deliveryId),
      UpdateExpression: 'SET gsi1sk = :due',
      ConditionExpression: 'gsi1sk = :seen',
      ExpressionAttributeValues: {
        ':due': webhookKeys.due(leaseUntil, d.webhookId, d.deliveryId).gsi1sk,
        ':seen': seenKey,
      },
    });
  }
}
