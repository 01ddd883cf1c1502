import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { queryPage } from '#platform/data/pages.ts';
import { transact } from '#platform/data/transact.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { derivedId, requestFingerprint } from '#platform/idempotency/derive.ts';
import type { CreateGroupInput, CustomerGroup, GroupPage, UpdateGroupInput } from '../domain/groups.ts';
import { CUSTOMERS_SOURCE, groupData } from '../events.ts';
import { groupFromItem, groupItem } from './group-items.ts';
import { customerGroupKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** 404 `customer_group_not_found`. */
export const groupNotFound = (id: string) =>
  new NotFoundError(`Customer group ${id} does not exist`, 'customer_group_not_found');
const versionConflict = () => new ConflictError('The group changed since it was read', 'version_conflict');
const busy = () => new ConflictError('A concurrent change got there first; retry', 'write_conflict');

/** Customer groups (not their members: `memberships.ts`). Requests are named in each method's TSDoc. */
export class CustomerGroupRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret: string) {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  async #item(id: string, consistent = false): Promise<Item | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: customerGroupKeys.group(id),
        ConsistentRead: consistent,
      }),
    );
    return Item;
  }

  /** One group (1 GetItem). */
  async get(id: string, consistent = false): Promise<CustomerGroup> {
    const item = await this.#item(id, consistent);
    if (!item) throw groupNotFound(id);
    return groupFromItem(item);
  }

  /** One page of groups, newest first (1 Query on gsi1; the cursor is signed). */
  async list(limit: number, cursor?: string): Promise<GroupPage> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': customerGroupKeys.listPartition },
        ScanIndexForward: false,
      },
      { limit, cursor, cursorSecret: this.#cursorSecret, scope: 'customer-groups' },
    );
    return { items: page.items.map(groupFromItem), nextCursor: page.nextCursor };
  }

  /**
   * Creates a group with `CustomerGroupCreated` (1 conditional PutItem carrying the outbox record). With
   * an Idempotency-Key the id derives from it: a retry answers the stored group (+1 GetItem).
   */
  async create(
    input: CreateGroupInput,
    options: { idempotencyKey?: string; now?: Date } = {},
  ): Promise<{ group: CustomerGroup; replayed: boolean }> {
    const { idempotencyKey, now = new Date() } = options;
    const id =
      idempotencyKey === undefined
        ? `cg_${randomUUID()}`
        : derivedId('cg', 'customer-group', [idempotencyKey], 32);
    const at = now.toISOString();
    const group: CustomerGroup = { id, ...input, memberCount: 0, version: 1, createdAt: at, updatedAt: at };
    const requestHash =
      idempotencyKey === undefined ? undefined : requestFingerprint([idempotencyKey, input]);
    const result = await transact([
      {
        Put: {
          TableName: this.#table,
          Item: groupItem(group, requestHash),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: outboxItem(CUSTOMERS_SOURCE, 'CustomerGroupCreated', groupData.parse(group), now),
        },
      },
    ]);
    if (result.ok) return { group, replayed: false };
    if (!result.conditionFailed[0]) throw busy();
    const stored = await this.#item(id, true);
    if (stored && requestHash !== undefined && stored.requestHash === requestHash)
      return { group: groupFromItem(stored), replayed: true };
    throw new UnprocessableError(
      'This Idempotency-Key was already used for a different group',
      'idempotency_key_reused',
    );
  }

  /**
   * Renames or redescribes a group at `version`: 1 consistent GetItem (404 for a missing group, 409 for
   * another version), then 1 UpdateItem conditional on the version, with `CustomerGroupUpdated` (a group
   * changed or deleted in between is a 409 too).
   */
  async update(id: string, patch: UpdateGroupInput, now = new Date()): Promise<CustomerGroup> {
    const current = await this.get(id, true);
    if (current.version !== patch.version) throw versionConflict();
    const { description: _d, ...rest } = current;
    const next: CustomerGroup = {
      ...rest,
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.description === null ? {} : { description: patch.description ?? current.description }),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    if (next.description === undefined) delete next.description;
    const result = await transact([
      {
        Update: {
          TableName: this.#table,
          Key: customerGroupKeys.group(id),
          // Only the fields an admin edits: memberCount moves under concurrent membership changes.
          UpdateExpression:
            next.description === undefined
              ? 'SET #name = :name, version = :next, updatedAt = :at REMOVE description'
              : 'SET #name = :name, description = :description, version = :next, updatedAt = :at',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': next.name,
            ':next': next.version,
            ':at': next.updatedAt,
            ':v': current.version,
            ...(next.description === undefined ? {} : { ':description': next.description }),
          },
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: outboxItem(CUSTOMERS_SOURCE, 'CustomerGroupUpdated', groupData.parse(next), now),
        },
      },
    ]);
    if (result.ok) return next;
    throw result.conditionFailed[0] ? versionConflict() : busy();
  }

  /**
   * Deletes an empty group at `version` (1 consistent GetItem, then 1 DeleteItem conditional on both,
   * with `CustomerGroupDeleted`; +1 GetItem on failure to say which).
   * A group with members is refused (409 `customer_group_not_empty`): deleting it would have to rewrite
   * every member's profile, unbounded work; remove the members first.
   */
  async delete(id: string, version: number, now = new Date()): Promise<void> {
    const current = await this.get(id, true);
    if (current.version !== version) throw versionConflict();
    if (current.memberCount > 0) throw notEmpty(id, current.memberCount);
    const result = await transact([
      {
        Delete: {
          TableName: this.#table,
          Key: customerGroupKeys.group(id),
          ConditionExpression: 'version = :v AND memberCount = :zero',
          ExpressionAttributeValues: { ':v': version, ':zero': 0 },
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: outboxItem(CUSTOMERS_SOURCE, 'CustomerGroupDeleted', { id }, now),
        },
      },
    ]);
    if (result.ok) return;
    if (!result.conditionFailed[0]) throw busy();
    const raced = await this.get(id, true);
    throw raced.memberCount > 0 ? notEmpty(id, raced.memberCount) : versionConflict();
  }
}

const notEmpty = (id: string, members: number) =>
  new ConflictError(
    `Customer group ${id} has ${members} member(s); remove them before deleting it`,
    'customer_group_not_empty',
  );
