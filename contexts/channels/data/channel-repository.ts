import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { implicitDefaultChannel } from '../domain/default-channel.ts';
import { DefaultChannelFixedError } from '../domain/errors.ts';
import {
  type Channel,
  type CreateChannelInput,
  DEFAULT_CHANNEL_ID,
  type UpdateChannelInput,
} from '../domain/schemas.ts';
import { CHANNELS_SOURCE } from '../events.ts';
import { channelFromItem, channelItem } from './items.ts';
import { channelKeys } from './keys.ts';

const notFound = (id: string) => new NotFoundError(`Channel ${id} does not exist`, 'channel_not_found');
const changed = () => new ConflictError('The channel changed since it was read', 'version_conflict');

/**
 * How long a function instance trusts a channel list it read for `cachedList` (the stock alerts
 * monitor): a new channel, or a channel's new locations, shows within it. A Query per 10 s per warm
 * instance costs next to nothing.
 */
export const CHANNEL_LIST_CACHE_MS = 10_000;

/**
 * Channels. The default channel is implicit: read or listed while absent from the table, it is
 * answered as `implicitDefaultChannel()`; its first rename stores it.
 */
export class ChannelRepository {
  readonly #table: string;
  #cached: { list: Promise<Channel[]>; until: number } | undefined;

  constructor(table: string) {
    this.#table = table;
  }

  /** A channel event, written in the transaction of the change it reports. */
  #event(type: string, data: unknown, at: Date): TransactItem {
    return { Put: { TableName: this.#table, Item: outboxItem(CHANNELS_SOURCE, type, data, at) } };
  }

  /** Creates a channel with its `ChannelCreated` event; 409 `channel_exists` when the id is taken. */
  async create(input: CreateChannelInput, now = new Date()): Promise<Channel> {
    if (input.id === DEFAULT_CHANNEL_ID)
      throw new ConflictError('The default channel always exists', 'channel_exists');
    const at = now.toISOString();
    const channel: Channel = { ...input, isDefault: false, version: 1, createdAt: at, updatedAt: at };
    const result = await transact([
      {
        Put: {
          TableName: this.#table,
          Item: channelItem(channel),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      this.#event('ChannelCreated', channel, now),
    ]);
    if (!result.ok) throw new ConflictError(`Channel ${input.id} already exists`, 'channel_exists');
    return channel;
  }

  /** A channel as stored, undefined when absent (the default channel too). */
  async find(channelId: string): Promise<Channel | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: channelKeys.channel(channelId) }),
    );
    return Item ? channelFromItem(Item) : undefined;
  }

  /** One channel, the default one even when not stored; 404 `channel_not_found` otherwise. */
  async get(channelId: string): Promise<Channel> {
    return (await this.find(channelId)) ?? this.#unstored(channelId);
  }

  /** What a channel absent from the table is: the implicit default one, or 404 `channel_not_found`. */
  #unstored(channelId: string): Channel {
    if (channelId === DEFAULT_CHANNEL_ID) return implicitDefaultChannel();
    throw notFound(channelId);
  }

  /** Every channel by id (1 Query of gsi1), the default one included. */
  async list(): Promise<Channel[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': channelKeys.listPartition },
      }),
    );
    const channels = Items.map(channelFromItem);
    if (!channels.some((c) => c.id === DEFAULT_CHANNEL_ID)) channels.unshift(implicitDefaultChannel());
    return channels;
  }

  /**
   * The list, cached per instance for `CHANNEL_LIST_CACHE_MS`. The read itself is shared, so the checks
   * of one batch, asking together on a cold instance, cost one Query; a failed read is not kept.
   */
  cachedList(): Promise<Channel[]> {
    if (this.#cached && this.#cached.until > Date.now()) return this.#cached.list;
    // Counted from when the read began, so a slow read does not stretch the staleness.
    const cached = { list: this.list(), until: Date.now() + CHANNEL_LIST_CACHE_MS };
    this.#cached = cached;
    cached.list.catch(() => {
      if (this.#cached === cached) this.#cached = undefined;
    });
    return cached.list;
  }

  /** Changes a channel if `version` is current (409 `version_conflict`); the default one keeps its scope. */
  async update(channelId: string, input: UpdateChannelInput, now = new Date()): Promise<Channel> {
    const found = await this.find(channelId);
    const current = found ?? this.#unstored(channelId);
    if (current.isDefault && (input.currencies || input.stockLocationIds))
      throw new DefaultChannelFixedError('always sells every currency from every location');
    if (current.version !== input.version) throw changed();
    const { version: _, ...changes } = input;
    const next: Channel = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    const result = await transact([
      {
        Put: {
          TableName: this.#table,
          Item: channelItem(next),
          // The implicit default channel is stored by its first change; any other needs the version read.
          ...(found
            ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': current.version } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      this.#event('ChannelUpdated', next, now),
    ]);
    if (!result.ok) throw changed();
    return next;
  }

  /**
   * Deletes a channel (its publishable keys stop resolving: a key's channel is read with it, and a
   * channel created again with the id is newer than them). The default channel cannot be deleted.
   * Products keep naming the id; a channel created again with it shows them again.
   */
  async delete(channelId: string, version: number, now = new Date()): Promise<void> {
    if (channelId === DEFAULT_CHANNEL_ID) throw new DefaultChannelFixedError('cannot be deleted');
    const result = await transact([
      {
        Delete: {
          TableName: this.#table,
          Key: channelKeys.channel(channelId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': version },
        },
      },
      this.#event('ChannelDeleted', { channelId }, now),
    ]);
    if (result.ok) return;
    if (!(await this.find(channelId))) throw notFound(channelId);
    throw changed();
  }
}
