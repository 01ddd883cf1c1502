import { implicitDefaultChannel } from '../domain/default-channel.ts';
import { InvalidPublishableKeyError } from '../domain/errors.ts';
import {
  type Channel,
  DEFAULT_CHANNEL_ID,
  type PublishableKey,
  publishableKeyText,
} from '../domain/schemas.ts';
import { ChannelRepository } from './channel-repository.ts';
import { PublishableKeyRepository } from './key-repository.ts';

/**
 * How long a warm function trusts what it read about a key or a channel: a revoked key, a deleted
 * channel or a changed channel shows within it. Storefront traffic repeats a handful of keys, so this
 * makes key resolution cost one DynamoDB read per cold key (and one per cold channel), not per request.
 */
export const CHANNEL_CACHE_MS = 30_000;

/** The header a storefront sends its publishable key in. */
export const PUBLISHABLE_KEY_HEADER = 'x-publishable-api-key';

interface Cached<T> {
  readonly value: T;
  readonly until: number;
}

/**
 * Resolves a request's publishable key to its channel, in a store function. No key: the default
 * channel, without a read. A key that is malformed (refused before any read), does not exist, is
 * revoked, or whose channel was deleted: 401 `invalid_publishable_key`. A key older than its channel
 * belonged to a deleted channel of the same id and stays dead when the id is used again. Answers
 * (misses included) are cached per instance for `CHANNEL_CACHE_MS`.
 */
export class ChannelResolver {
  readonly #keys: PublishableKeyRepository;
  readonly #channels: ChannelRepository;
  readonly #byKey = new Map<string, Cached<PublishableKey | undefined>>();
  readonly #byId = new Map<string, Cached<Channel | undefined>>();

  constructor(table: string) {
    this.#keys = new PublishableKeyRepository(table);
    this.#channels = new ChannelRepository(table);
  }

  /** The channel of a request's headers (API Gateway lower-cases header names). */
  async fromHeaders(headers: Readonly<Record<string, string | undefined>>): Promise<Channel> {
    return this.resolve(headers[PUBLISHABLE_KEY_HEADER]);
  }

  /** The channel a key belongs to; the default channel without a key. */
  async resolve(key: string | undefined): Promise<Channel> {
    if (key === undefined || key === '') return implicitDefaultChannel();
    // A string that cannot be a key costs no read (nor a cache entry).
    if (!publishableKeyText.safeParse(key).success) throw new InvalidPublishableKeyError();
    const found = await this.#cached(this.#byKey, key, () => this.#keys.find(key));
    if (!found || found.revokedAt !== null) throw new InvalidPublishableKeyError();
    const channel = await this.#channel(found.channelId);
    // Deleting a channel leaves its keys' items: one created before the channel was made a deleted one's.
    if (!channel || found.createdAt < channel.createdAt) throw new InvalidPublishableKeyError();
    return channel;
  }

  /** A channel by id (cached); the default channel without a read; undefined once deleted. */
  async #channel(channelId: string): Promise<Channel | undefined> {
    // The default channel's scope never changes (only its name may), so it is never read.
    if (channelId === DEFAULT_CHANNEL_ID) return implicitDefaultChannel();
    return this.#cached(this.#byId, channelId, () => this.#channels.find(channelId));
  }

  async #cached<T>(cache: Map<string, Cached<T>>, id: string, read: () => Promise<T>): Promise<T> {
    const hit = cache.get(id);
    if (hit && hit.until > Date.now()) return hit.value;
    // Counted from when the read began, so a slow read does not stretch the staleness.
    const readAt = Date.now();
    const value = await read();
    // Bounded: a flood of made-up keys must not grow an instance's memory without limit.
    if (cache.size >= 1000) cache.clear();
    cache.set(id, { value, until: readAt + CHANNEL_CACHE_MS });
    return value;
  }
}
