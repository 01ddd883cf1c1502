import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import type { PublishableKey } from '../domain/schemas.ts';
import { keyFromItem, keyItem } from './items.ts';
import { publishableKeyKeys } from './keys.ts';

/** Most keys one channel lists (a storefront has one or two; rotation leaves a few revoked ones). */
const MAX_KEYS = 1000;

const keyNotFound = (key: string) =>
  new NotFoundError(`No publishable key ${key} in this channel`, 'publishable_key_not_found');

/**
 * Publishable keys. The key is stored as is: it is not a secret (it ships in storefront code and only
 * scopes what the store shows), so there is nothing a hash would protect. Revoking keeps the item, with
 * `revokedAt`, so the back office still sees which keys existed.
 */
export class PublishableKeyRepository {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** A new random key for the channel (128 bits: never guessed, never collides). */
  async create(channelId: string, title: string, now = new Date()): Promise<PublishableKey> {
    const key: PublishableKey = {
      id: `pk_${randomBytes(16).toString('hex')}`,
      channelId,
      title,
      createdAt: now.toISOString(),
      revokedAt: null,
    };
    await documentClient().send(
      new PutCommand({
        TableName: this.#table,
        Item: keyItem(key),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return key;
  }

  /** A key by its text (one GetItem), undefined when there is none. */
  async find(key: string): Promise<PublishableKey | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: publishableKeyKeys.key(key) }),
    );
    return Item ? keyFromItem(Item) : undefined;
  }

  /** A channel's keys, oldest first (1 Query of gsi1), revoked ones included. */
  async list(channelId: string): Promise<PublishableKey[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': publishableKeyKeys.byChannelPartition(channelId) },
        Limit: MAX_KEYS,
      }),
    );
    return Items.map(keyFromItem);
  }

  /** Revokes a key of the channel (again is a no-op answering the first revocation); 404 for another's. */
  async revoke(channelId: string, key: string, now = new Date()): Promise<PublishableKey> {
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: publishableKeyKeys.key(key),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
          ConditionExpression: 'channelId = :c',
          ExpressionAttributeValues: { ':c': channelId, ':now': now.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return keyFromItem(Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) throw keyNotFound(key);
      throw error;
    }
  }
}
