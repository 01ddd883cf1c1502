import { queryPage } from '#platform/data/pages.ts';
import { backoff, type TransactItem, transact } from '#platform/data/transact.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import type { MemberPage, MembershipInput, MembershipReport, MembershipStatus } from '../domain/groups.ts';
import { CUSTOMERS_SOURCE } from '../events.ts';
import { groupNotFound } from './group-repository.ts';
import { customerGroupKeys, customerKeys, Entity } from './keys.ts';

type Op = 'add' | 'remove';
const ATTEMPTS = 5;

/**
 * The writes of one membership change, in one transaction: the group's member count (and its
 * existence), the member item (the paginated list), the profile's `groupIds` set (what carts read) and
 * the event. Each condition names one refusal, so a cancellation says which.
 */
const changeItems = (
  table: string,
  groupId: string,
  customerId: string,
  op: Op,
  now: Date,
): TransactItem[] => [
  {
    Update: {
      TableName: table,
      Key: customerGroupKeys.group(groupId),
      UpdateExpression: 'SET memberCount = memberCount + :delta',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': op === 'add' ? 1 : -1 },
    },
  },
  op === 'add'
    ? {
        Put: {
          TableName: table,
          Item: {
            ...customerGroupKeys.member(groupId, customerId),
            entity: Entity.customerGroupMember,
            customerId,
            addedAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }
    : {
        Delete: {
          TableName: table,
          Key: customerGroupKeys.member(groupId, customerId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
  {
    Update: {
      TableName: table,
      Key: customerKeys.profile(customerId),
      UpdateExpression: op === 'add' ? 'ADD groupIds :g' : 'DELETE groupIds :g',
      // Never creates a bare profile: a customer exists once their profile does.
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':g': new Set([groupId]) },
    },
  },
  {
    Put: {
      TableName: table,
      Item: outboxItem(
        CUSTOMERS_SOURCE,
        op === 'add' ? 'CustomerAddedToGroup' : 'CustomerRemovedFromGroup',
        { groupId, customerId },
        now,
      ),
    },
  },
];

const applyOne = async (
  table: string,
  groupId: string,
  customerId: string,
  op: Op,
  now: Date,
): Promise<MembershipStatus> => {
  const items = changeItems(table, groupId, customerId, op, now);
  for (let attempt = 0; ; attempt++) {
    const result = await transact(items);
    if (result.ok) return 'ok';
    const [group, member, profile] = result.conditionFailed;
    if (group) throw groupNotFound(groupId);
    if (member) return op === 'add' ? 'already_member' : 'not_member';
    if (profile) return 'customer_not_found';
    if (!result.conflict || attempt + 1 >= ATTEMPTS)
      throw new ConflictError('A concurrent change got there first; retry', 'write_conflict');
    await backoff(attempt);
  }
};

/**
 * Adds and removes members one customer at a time (1 TransactWriteItems each, in order: they all touch
 * the group's counter, so running them in parallel would only make them conflict). A customer named
 * twice is reported `duplicate` the second time. Answers each customer's outcome and the member count
 * (+1 GetItem by the caller).
 */
export const changeMembers = async (
  table: string,
  groupId: string,
  input: MembershipInput,
  now = new Date(),
): Promise<MembershipReport['results']> => {
  const rows: { op: Op; customerId: string }[] = [
    ...input.add.map((customerId) => ({ op: 'add' as const, customerId })),
    ...input.remove.map((customerId) => ({ op: 'remove' as const, customerId })),
  ];
  const seen = new Set<string>();
  const results: MembershipReport['results'] = [];
  for (const { op, customerId } of rows) {
    const status = seen.has(customerId) ? 'duplicate' : await applyOne(table, groupId, customerId, op, now);
    seen.add(customerId);
    results.push({ op, customerId, status });
  }
  return results;
};

/** One page of a group's members, by customer id (1 Query); the cursor is signed. */
export const listMembers = async (
  table: string,
  cursorSecret: string,
  groupId: string,
  limit: number,
  cursor?: string,
): Promise<MemberPage> => {
  const page = await queryPage(
    {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': customerGroupKeys.partition(groupId),
        ':prefix': customerGroupKeys.memberPrefix,
      },
    },
    { limit, cursor, cursorSecret, scope: `customer-group-members#${groupId}` },
  );
  return {
    items: page.items.map((i) => ({ customerId: i.customerId as string, addedAt: i.addedAt as string })),
    nextCursor: page.nextCursor,
  };
};
