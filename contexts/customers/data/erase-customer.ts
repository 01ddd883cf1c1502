import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { queryAll } from '#platform/data/pages.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { AppError, ConflictError } from '#platform/errors/index.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { type ErasureBy, isOpenOrder, OrdersOpenError } from '../domain/privacy.ts';
import { CUSTOMERS_SOURCE } from '../events.ts';
import { anonymiseOrder, deleteCart } from './erasure.ts';
import { groupIdsOf } from './group-items.ts';
import { customerKeys, Entity } from './keys.ts';
import { changeMembers } from './memberships.ts';
import { customerOpenCarts, customerOrderRows } from './privacy-reads.ts';

const PARALLEL = 8;

/** Who erases whom: the customer's id, and who asked (`actor`: the token subject, for the record). */
export interface ErasureRequest {
  readonly customerId: string;
  readonly by: ErasureBy;
  readonly actor: string;
}

/** Leaves every group the profile names (1 transaction per group, each with its own event). */
const leaveGroups = async (table: string, customerId: string, profile: Record<string, unknown>) => {
  for (const groupId of groupIdsOf(profile)) {
    try {
      await changeMembers(table, groupId, { add: [], remove: [customerId] });
    } catch (error) {
      // A group deleted meanwhile had no members left (only empty groups are deleted): nothing to undo.
      if (!(error instanceof AppError && error.code === 'customer_group_not_found')) throw error;
    }
  }
};

/**
 * The last step, in one transaction: the profile and addresses deleted, the erasure record and, when
 * anything was erased, `CustomerErased`. The profile and at most 20 addresses fit one transaction.
 */
const finalWrites = async (table: string, request: ErasureRequest, counts: ErasureCounts, now: Date) => {
  const items = await queryAll({
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': customerKeys.collection(request.customerId).pk },
    ConsistentRead: true,
  });
  const personal = items.filter((i) => i.entity === Entity.customer || i.entity === Entity.customerAddress);
  const erasedAt = now.toISOString();
  if (personal.length === 0 && counts.ordersAnonymised === 0 && counts.cartsDeleted === 0) return;
  const writes: TransactItem[] = [
    ...personal.map((i) => ({ Delete: { TableName: table, Key: { pk: i.pk, sk: i.sk } } })),
    {
      Put: {
        TableName: table,
        Item: {
          ...customerKeys.erasure(request.customerId, erasedAt),
          entity: Entity.customerErasure,
          customerId: request.customerId,
          by: request.by,
          actor: request.actor,
          ...counts,
          erasedAt,
        },
      },
    },
    {
      Put: {
        TableName: table,
        Item: outboxItem(
          CUSTOMERS_SOURCE,
          'CustomerErased',
          { customerId: request.customerId, by: request.by, ...counts, erasedAt },
          now,
        ),
      },
    },
  ];
  const result = await transact(writes);
  if (!result.ok) throw new ConflictError('A concurrent change got there first; retry', 'write_conflict');
};

interface ErasureCounts {
  readonly ordersAnonymised: number;
  readonly cartsDeleted: number;
}

/**
 * Erases a customer (GDPR art. 17), refusing with 409 `orders_open` while an order still needs their
 * data. Each step is idempotent and the profile goes last, so a failed erasure is finished by running it
 * again; a second erasure of an erased customer changes nothing and emits nothing.
 */
export const eraseCustomer = async (table: string, request: ErasureRequest, now = new Date()) => {
  const { customerId } = request;
  const rows = await customerOrderRows(table, customerId);
  const open = rows.filter(isOpenOrder);
  if (open.length > 0) throw new OrdersOpenError(open);
  const { Item: profile } = await documentClient().send(
    new GetCommand({ TableName: table, Key: customerKeys.profile(customerId), ConsistentRead: true }),
  );
  if (profile) await leaveGroups(table, customerId, profile);
  let cartsDeleted = 0;
  for (const cart of await customerOpenCarts(table, customerId))
    if (await deleteCart(table, String(cart.id))) cartsDeleted++;
  let ordersAnonymised = 0;
  // A few orders at a time: a long history finishes within the function's timeout without a burst.
  for (let at = 0; at < rows.length; at += PARALLEL) {
    const done = await Promise.all(
      rows.slice(at, at + PARALLEL).map((row) => anonymiseOrder(table, row.id, now.toISOString())),
    );
    ordersAnonymised += done.filter(Boolean).length;
  }
  await finalWrites(table, request, { ordersAnonymised, cartsDeleted }, now);
};
