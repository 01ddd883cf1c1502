import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { stockKeys } from '#contexts/inventory/data/keys.ts';
import { invariantViolation } from '#contexts/inventory/domain/stock.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { cloud } from './cloud.ts';
import { adminSend } from './store.ts';

/*
 * Stock as DynamoDB Local holds it, for system tests of variants that are not hot (shard 0 only). Call
 * `useLocalDynamo()` first.
 */

type Item = Record<string, unknown>;

const query = async (pk: string, skPrefix?: string): Promise<Item[]> =>
  (
    await documentClient().send(
      new QueryCommand({
        TableName: cloud().tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':sk': skPrefix } : {}) },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

/** One level's figures as stored (zeros when the location has no level of the variant). */
export interface Level {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/** A variant's levels, per location. */
export const levelsOf = async (variantId: string): Promise<Map<string, Level>> =>
  new Map(
    (await query(stockKeys.shardPartition(variantId, 0), stockKeys.levelPrefix)).map((i) => [
      i.locationId as string,
      { onHand: i.onHand as number, reserved: i.reserved as number, available: i.available as number },
    ]),
  );

/** A variant's level at one location. */
export const levelAt = async (variantId: string, locationId: string): Promise<Level> =>
  (await levelsOf(variantId)).get(locationId) ?? { onHand: 0, reserved: 0, available: 0 };

/** A ledger entry as stored. */
export interface LedgerRow {
  readonly locationId: string;
  readonly type: string;
  readonly delta: number;
  readonly quantity?: number;
  readonly fulfillmentId?: string;
  readonly reason: string;
  readonly actor: string;
}

/** A variant's ledger entries, oldest first. */
export const ledgerOf = async (variantId: string): Promise<LedgerRow[]> =>
  (await query(stockKeys.ledgerPartition(variantId, 0))) as unknown as LedgerRow[];

/** The ledger entries a fulfillment wrote, as `type@location delta/quantity`, sorted. */
export const entriesOf = async (variantId: string, fulfillmentId: string): Promise<string[]> =>
  (await ledgerOf(variantId))
    .filter((e) => e.fulfillmentId === fulfillmentId)
    .map((e) => `${e.type}@${e.locationId} ${e.delta}/${e.quantity ?? '-'}`)
    .sort();

/** The fulfillment status stored on the order's summary (the facet), or undefined. */
export const storedFulfillmentStatus = async (orderId: string): Promise<string | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: cloud().tableName, Key: orderKeys.summary(orderId), ConsistentRead: true }),
  );
  return Item?.fulfillmentStatus as string | undefined;
};

/** Types of ledger entries an admin writes (counts, receipts, corrections, shrinkage). */
const STOCKED = new Set(['correction', 'receipt', 'shrinkage']);

/**
 * What is wrong with the stock of `variantIds`, given every order ever placed for them (`orderIds`):
 * each level `available = onHand − reserved ≥ 0`; each location's ledger replays to its on-hand; the
 * units of paid orders (sold) and on-hand add up to what the admin stocked; and reserved stock is what
 * orders awaiting payment hold. Empty when all holds.
 */
export const stockProblems = async (
  variantIds: readonly string[],
  orderIds: readonly string[],
): Promise<string[]> => {
  const orders = await Promise.all(
    orderIds.map(async (id) => (await adminSend('GET', `/admin/orders/${id}`)).body),
  );
  const unitsIn = (variantId: string, statuses: readonly string[]) =>
    orders
      .filter((o) => statuses.includes(o.status))
      .flatMap((o) => o.lines as { variantId: string; quantity: number }[])
      .filter((l) => l.variantId === variantId)
      .reduce((n, l) => n + l.quantity, 0);
  const problems: string[] = [];
  for (const variantId of variantIds) {
    const [levels, ledger] = await Promise.all([levelsOf(variantId), ledgerOf(variantId)]);
    let onHand = 0;
    let reserved = 0;
    for (const [locationId, level] of levels) {
      const wrong = invariantViolation(level);
      if (wrong) problems.push(`${variantId} at ${locationId}: ${wrong}`);
      const replayed = ledger.filter((e) => e.locationId === locationId).reduce((n, e) => n + e.delta, 0);
      if (replayed !== level.onHand)
        problems.push(
          `${variantId} at ${locationId}: ledger replays to ${replayed}, on hand ${level.onHand}`,
        );
      onHand += level.onHand;
      reserved += level.reserved;
    }
    const stocked = ledger.filter((e) => STOCKED.has(e.type)).reduce((n, e) => n + e.delta, 0);
    const sold = unitsIn(variantId, ['paid', 'cancel_pending']);
    if (onHand + sold !== stocked)
      problems.push(`${variantId}: on hand ${onHand} + sold ${sold} ≠ stocked ${stocked}`);
    const held = unitsIn(variantId, ['pending_payment']);
    if (reserved !== held)
      problems.push(`${variantId}: reserved ${reserved} ≠ held by unpaid orders ${held}`);
  }
  return problems;
};
