import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unchangedSince } from '#contexts/fulfillment/data/partition.ts';
import { readFulfillments } from '#contexts/fulfillment/data/store.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import { requestFingerprint } from '#platform/idempotency/derive.ts';
import type { Order } from '../domain/schemas.ts';
import type { CancellationInput } from '../workflow/cancel.ts';
import { Entity, orderKeys } from './keys.ts';
import { type OrderRepository, orderNotFound } from './repository.ts';
import { orderTransitionItems } from './transitions.ts';

/** The Step Functions client cancel requests start the workflow with. */
export const cancellationClient = (): SFNClient => new SFNClient({});

/** What a cancel request needs: the table, the orders, and the cancellation workflow to start. */
export interface CancelDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly sfn: SFNClient;
  readonly stateMachineArn: string;
}

/** Who asks and why; the customer's window is checked by the caller's operation. */
export interface CancelRequest {
  readonly orderId: string;
  readonly by: CancellationInput['by'];
  readonly reason: string;
  readonly idempotencyKey: string;
}

const fingerprint = (r: CancelRequest) => requestFingerprint([r.by, r.reason]);

/** The order's cancellation request as stored, if any (1 GetItem, consistent). */
const readCancellation = async (table: string, orderId: string) =>
  (
    await documentClient().send(
      new GetCommand({ TableName: table, Key: orderKeys.cancellation(orderId), ConsistentRead: true }),
    )
  ).Item;

/**
 * Whether units were shipped or delivered (a cancellation cannot take them back, a return does), and the
 * version of the fulfillments that says so: the request commits only while it still holds.
 */
const shipping = async (table: string, orderId: string) => {
  const ledger = await readFulfillments(table, orderId);
  const shipped = ledger.fulfillments.some(
    (f) => f.fulfillment.status === 'shipped' || f.fulfillment.status === 'delivered',
  );
  return { shipped, version: ledger.version };
};

/**
 * Cancels a paid order: moves it to `cancel_pending` and records who asked, in one transaction (of two
 * requests at once one commits), then starts the cancellation workflow, which refunds, puts the stock and
 * promotion use back and marks it `canceled`. The same Idempotency-Key again answers the same (and starts
 * the workflow again if the order is still `cancel_pending`: its steps are idempotent, so a cancellation
 * whose refund failed is retried this way). Another key for an order being canceled: 409.
 */
export const requestCancel = async (
  deps: CancelDeps,
  request: CancelRequest,
  allowed: (order: Order) => Promise<void> | void,
  now = new Date(),
  attempt = 0,
): Promise<{ readonly order: Order; readonly replayed: boolean }> => {
  const order = await deps.orders.getForUpdate(request.orderId);
  if (!order) throw orderNotFound(request.orderId);
  const print = fingerprint(request);
  const known = await readCancellation(deps.table, order.id);
  if (known) {
    if (known.idempotencyKey !== request.idempotencyKey)
      throw new ConflictError(`Order ${order.id} is being or was canceled already`, 'order_cancel_requested');
    if (known.fingerprint !== print)
      throw new UnprocessableError(
        'This Idempotency-Key was used for another cancellation',
        'idempotency_key_reused',
      );
    if (order.status === 'cancel_pending') await start(deps, request, `${order.id}-${now.getTime()}`);
    return { order, replayed: true };
  }
  if (order.status !== 'paid')
    throw new ConflictError(
      `Order ${order.id} is ${order.status}: only a paid order is canceled`,
      'order_not_cancelable',
    );
  const fulfillments = await shipping(deps.table, order.id);
  if (fulfillments.shipped)
    throw new ConflictError(`Order ${order.id} has shipped units: return them instead`, 'order_shipped');
  await allowed(order);
  const at = now.toISOString();
  const moved = await transact([
    ...orderTransitionItems(
      deps.table,
      order,
      ['paid'],
      'cancel_pending',
      at,
      `cancel_requested_by_${request.by}`,
    ),
    {
      Put: {
        TableName: deps.table,
        Item: {
          ...orderKeys.cancellation(order.id),
          entity: Entity.orderCancellation,
          orderId: order.id,
          by: request.by,
          reason: request.reason,
          idempotencyKey: request.idempotencyKey,
          fingerprint: print,
          requestedAt: at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // A shipment committed since the reading: decide again (it answers 409 order_shipped).
    unchangedSince(deps.table, order.id, fulfillments.version),
  ]);
  // Another request committed first (or the order changed): decide again on what is stored now.
  if (!moved.ok) {
    if (attempt >= 3) throw new ConflictError(`Order ${order.id} kept changing; try again`, 'order_conflict');
    return requestCancel(deps, request, allowed, now, attempt + 1);
  }
  await start(deps, request, order.id);
  const current = (await deps.orders.get(order.id)) ?? order;
  return { order: current, replayed: false };
};

/** Starts the workflow, named after the order (a second start of the same name is the same execution). */
const start = async (deps: CancelDeps, request: CancelRequest, name: string) => {
  const input: CancellationInput = { orderId: request.orderId, by: request.by, reason: request.reason };
  try {
    await deps.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: deps.stateMachineArn,
        name: `cancel-${name}`,
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
  }
};
