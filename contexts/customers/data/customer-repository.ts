import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { ConflictError, NotFoundError } from '#platform/errors/index.ts';
import type { AdminCustomer } from '../domain/groups.ts';
import type { Customer, Profile, UpdateProfileInput } from '../domain/schemas.ts';
import { ensureCustomer } from './ensure-customer.ts';
import { groupIdsOf } from './group-items.ts';
import { pointersOf, toAddress, toProfile } from './items.ts';
import { customerKeys, Entity } from './keys.ts';

type Item = Record<string, unknown>;

/** A customer's items as stored: the profile item and its address items. */
export interface StoredCustomer {
  readonly profile: Item;
  readonly addresses: readonly Item[];
}

/** A profile with its addresses, oldest first. */
export const composeCustomer = (profileItem: Item, addressItems: readonly Item[]): Customer => {
  const addresses = addressItems
    .map((item) => toAddress(item, pointersOf(profileItem)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { ...toProfile(profileItem), addresses };
};

/** Version conflict: the client's copy is stale; it should read again and reapply its change. */
export const versionConflict = (what: string, current?: unknown) =>
  new ConflictError(
    `The ${what} changed since it was read${typeof current === 'number' ? ` (current version ${current})` : ''}`,
    'version_conflict',
  );

/** Reads and writes customer profiles; addresses are in `AddressRepository`. */
export class CustomerRepository {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** The stored items of a customer (profile and addresses): one Query on the item collection. */
  async getRaw(customerId: string): Promise<StoredCustomer | undefined> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': customerKeys.collection(customerId).pk },
        // A profile and at most MAX_ADDRESSES addresses fit in one page; strong reads follow writes.
        ConsistentRead: true,
      }),
    );
    const profile = Items.find((item) => item.entity === Entity.customer);
    if (!profile) return undefined;
    return { profile, addresses: Items.filter((item) => item.entity === Entity.customerAddress) };
  }

  /** The back office's view: the profile and its groups (1 GetItem); 404 `customer_not_found`. */
  async adminView(customerId: string): Promise<AdminCustomer> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: customerKeys.profile(customerId) }),
    );
    if (!Item) throw new NotFoundError(`Customer ${customerId} does not exist`, 'customer_not_found');
    return { ...toProfile(Item), groupIds: groupIdsOf(Item) };
  }

  /** The customer with every address: one Query. */
  async get(customerId: string): Promise<Customer | undefined> {
    const stored = await this.getRaw(customerId);
    return stored && composeCustomer(stored.profile, stored.addresses);
  }

  /**
   * The customer, created on the first call: one Query when the profile exists; otherwise one
   * conditional Put (and one more Query only if a concurrent first call won the race).
   */
  async getOrCreate(customerId: string, email: string | null): Promise<Customer> {
    const found = await this.get(customerId);
    if (found) return found;
    const created = await ensureCustomer(this.#table, { customerId, email, source: 'api' });
    if (created) return { ...created, addresses: [] };
    const raced = await this.get(customerId);
    if (!raced) throw new Error(`Customer ${customerId} vanished while being created`);
    return raced;
  }

  /**
   * Applies a profile change if the stored version is still `input.version`: one conditional
   * UpdateItem. A missing profile is created first (the first call may be a PATCH), then retried once.
   */
  async updateProfile(customerId: string, input: UpdateProfileInput, email: string | null): Promise<Profile> {
    const first = await this.#update(customerId, input);
    if (first.ok) return first.profile;
    if (first.currentVersion !== undefined) throw versionConflict('profile', first.currentVersion);
    await ensureCustomer(this.#table, { customerId, email, source: 'api' });
    const second = await this.#update(customerId, input);
    if (second.ok) return second.profile;
    throw versionConflict('profile', second.currentVersion);
  }

  async #update(
    customerId: string,
    input: UpdateProfileInput,
  ): Promise<{ ok: true; profile: Profile } | { ok: false; currentVersion?: number }> {
    const { version, ...changes } = input;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':expected': version,
      ':one': 1,
      ':now': new Date().toISOString(),
    };
    const sets = Object.entries(changes).map(([field, value], i) => {
      names[`#f${i}`] = field;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: customerKeys.profile(customerId),
          UpdateExpression: `SET ${[...sets, 'version = version + :one', 'updatedAt = :now'].join(', ')}`,
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
          // Tells "no profile yet" from "stale version" without a second read.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { ok: true, profile: toProfile(Attributes ?? {}) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const old = (error as Error & { Item?: Item }).Item;
      return { ok: false, ...(old ? { currentVersion: Number(old.version) } : {}) };
    }
  }
}
