import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { queryAll, queryPage } from '#platform/data/pages.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { derivedId, requestFingerprint } from '#platform/idempotency/derive.ts';
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

/** A new id: derived from the Idempotency-Key when there is one (a retry names the same one), else random. */
const newWebhookId = (idempotencyKey: string | undefined) =>
  idempotencyKey === undefined
    ? `wh_${randomBytes(16).toString('base64url').slice(0, 22)}`
    : derivedId('wh', 'webhook', [idempotencyKey], 22);

/** Subscriptions in the single table. Each method's DynamoDB requests are named in its TSDoc. */
export class SubscriptionStore {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /**
   * A new subscription with a new secret (1 PutItem, conditional on the id being unused). With an
   * Idempotency-Key the id derives from it: a retry of the same request answers the subscription it
   * made (`replayed`, secret included: the same caller); the key with another body is a 422.
   */
  async create(
    input: CreateWebhookInput,
    idempotencyKey?: string,
    now = new Date(),
  ): Promise<{ webhook: StoredWebhook; replayed: boolean }> {
    const at = now.toISOString();
    const webhook: StoredWebhook = {
      webhookId: newWebhookId(idempotencyKey),
      ...input,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
      secret: newSigningSecret(),
    };
    const requestHash = idempotencyKey === undefined ? undefined : requestFingerprint(input);
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...subscriptionItem(webhook), ...(requestHash ? { requestHash } : {}) },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { webhook, replayed: false };
    } catch (error) {
      if (!isConditionFailure(error) || requestHash === undefined) throw error;
      const earlier = error.Item ? unmarshall(error.Item as Parameters<typeof unmarshall>[0]) : undefined;
      if (earlier?.requestHash !== requestHash)
        throw new UnprocessableError(
          'This Idempotency-Key was already used for a different webhook',
          'idempotency_key_reused',
        );
      return { webhook: subscriptionFromItem(earlier), replayed: true };
    }
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
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': webhookKeys.subscriptionsPartition },
      },
      { limit, cursor, cursorSecret: this.#cursorSecret, scope: 'webhooks' },
    );
    return {
      items: page.items.map((item) => webhookView(subscriptionFromItem(item))),
      nextCursor: page.nextCursor,
    };
  }

  /** Every active subscription (1 Query on gsi1 per 1 MB: tens of items). */
  async active(): Promise<StoredWebhook[]> {
    const items = await queryAll({
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: 'active = :yes',
      ExpressionAttributeValues: { ':pk': webhookKeys.subscriptionsPartition, ':yes': true },
    });
    return items.map(subscriptionFromItem);
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
