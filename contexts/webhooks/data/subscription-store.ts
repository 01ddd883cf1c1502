import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { decodeCursor, encodeCursor, type PageKey } from '#platform/data/cursor.ts';
import { WebhookNotFoundError } from '../domain/errors.ts';
import { newSigningSecret } from '../domain/signing.ts';
import type {
  CreateWebhookInput,
  StoredWebhook,
  UpdateWebhookInput,
  WebhookPage,
} from '../domain/subscription.ts';
import { webhookView } from '../domain/subscription.ts';
import { webhookKeys } from './keys.ts';
import { subscriptionFromItem, subscriptionItem } from './subscription-items.ts';

const newWebhookId = () => `wh_${randomBytes(16).toString('base64url').slice(0, 22)}`;

/** Subscriptions in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class SubscriptionStore {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /** A new subscription with a new secret (1 PutItem, conditional on the fresh id being unused). */
  async create(input: CreateWebhookInput, now = new Date()): Promise<StoredWebhook> {
    const at = now.toISOString();
    const webhook: StoredWebhook = {
      webhookId: newWebhookId(),
      ...input,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
      secret: newSigningSecret(),
    };
    await documentClient().send(
      new PutCommand({
        TableName: this.#table,
        Item: subscriptionItem(webhook),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return webhook;
  }

  /** One subscription, secret included (1 GetItem). */
  async get(webhookId: string, options: { consistent?: boolean } = {}): Promise<StoredWebhook | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: webhookKeys.subscription(webhookId),
        ConsistentRead: options.consistent ?? false,
      }),
    );
    return Item ? subscriptionFromItem(Item) : undefined;
  }

  /** One subscription, or 404 `webhook_not_found` (1 GetItem). */
  async require(webhookId: string): Promise<StoredWebhook> {
    const found = await this.get(webhookId, { consistent: true });
    if (!found) throw new WebhookNotFoundError(webhookId);
    return found;
  }

  /** One page of subscriptions, oldest first, without secrets (1 Query on gsi1; signed cursor). */
  async list(limit: number, cursor?: string): Promise<WebhookPage> {
    const scope = 'webhooks';
    const start: PageKey | undefined = cursor ? decodeCursor(cursor, this.#cursorSecret, scope) : undefined;
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': webhookKeys.subscriptionsPartition },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return {
      items: Items.map((item) => webhookView(subscriptionFromItem(item))),
      nextCursor: LastEvaluatedKey
        ? encodeCursor(LastEvaluatedKey as PageKey, this.#cursorSecret, scope)
        : null,
    };
  }

  /** Every active subscription (1 Query on gsi1 per 1 MB: tens of items). */
  async active(): Promise<StoredWebhook[]> {
    const found: StoredWebhook[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await documentClient().send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: 'active = :yes',
          ExpressionAttributeValues: { ':pk': webhookKeys.subscriptionsPartition, ':yes': true },
          ExclusiveStartKey: start,
        }),
      );
      found.push(...Items.map(subscriptionFromItem));
      start = LastEvaluatedKey;
    } while (start);
    return found;
  }

  /**
   * Changes fields (1 UpdateItem, conditional on the subscription existing). Re-activating clears the
   * failure count and the disabled reason, so a fixed receiver starts with a clean slate.
   */
  async update(webhookId: string, patch: UpdateWebhookInput, now = new Date()): Promise<StoredWebhook> {
    const fields: Record<string, unknown> = { ...patch, updatedAt: now.toISOString() };
    if (patch.active === true)
      Object.assign(fields, { consecutiveFailures: 0, disabledReason: null, disabledAt: null });
    return this.#set(webhookId, fields);
  }

  /** A new secret; the old one stops signing at once (1 UpdateItem). */
  async rotateSecret(webhookId: string, now = new Date()): Promise<StoredWebhook> {
    return this.#set(webhookId, { secret: newSigningSecret(), updatedAt: now.toISOString() });
  }

  /** Removes a subscription; its delivery log stays until TTL (1 DeleteItem, conditional on it existing). */
  async delete(webhookId: string): Promise<void> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: this.#table,
          Key: webhookKeys.subscription(webhookId),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new WebhookNotFoundError(webhookId);
      throw error;
    }
  }

  async #set(webhookId: string, fields: Record<string, unknown>): Promise<StoredWebhook> {
    const entries = Object.entries(fields);
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: webhookKeys.subscription(webhookId),
          UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return subscriptionFromItem(Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) throw new WebhookNotFoundError(webhookId);
      throw error;
    }
  }
}
