import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import type { CartRecord } from '../domain/schemas.ts';
import { CARTS_SOURCE } from '../events.ts';
import { cartFromItem } from './items.ts';
import { cartKeys } from './keys.ts';

/** Most carts one sweep reports per index bucket; the next run (minutes later) takes the rest. */
const MAX_PER_BUCKET = 200;

/** The carts of one idle-index bucket whose last change is before the cutoff, oldest first. */
const idleIn = async (table: string, bucket: number, cutoff: string): Promise<CartRecord[]> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :cutoff',
      ExpressionAttributeValues: { ':pk': cartKeys.idlePartition(bucket), ':cutoff': cutoff },
      Limit: MAX_PER_BUCKET,
    }),
  );
  return Items.map(cartFromItem);
};

/**
 * Marks a cart abandoned and emits `CartAbandoned`, together. The condition is the version the index
 * showed and the cart still open: a cart the shopper touched since (the index lags) is not reported, and a
 * second sweep finds it out of the index. The version stays, so a shopper's change is never refused for it.
 */
const report = async (table: string, cart: CartRecord, now: Date): Promise<boolean> => {
  const data = {
    cartId: cart.id,
    email: cart.email,
    customerId: cart.customerId,
    currency: cart.currency,
    lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    lastActivityAt: cart.updatedAt,
  };
  const result = await transact([
    {
      Update: {
        TableName: table,
        Key: cartKeys.cart(cart.id),
        UpdateExpression: 'SET abandonedAt = :now REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'version = :seen AND #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ':seen': cart.version, ':open': 'open' },
      },
    },
    { Put: { TableName: table, Item: outboxItem(CARTS_SOURCE, 'CartAbandoned', data, now) } },
  ]);
  return result.ok;
};

/**
 * The abandoned-cart sweep: every open cart with an e-mail and no change for `idleMinutes` is reported
 * once per idle spell (any change re-arms it). Reads each bucket of the idle index (gsi2) in parallel.
 */
export const reportAbandoned = async (
  table: string,
  idleMinutes: number,
  now = new Date(),
): Promise<{ reported: number; skipped: number }> => {
  const cutoff = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  const buckets = Array.from({ length: cartKeys.buckets }, (_, b) => idleIn(table, b, cutoff));
  // The index is sparse: only open carts with an e-mail not yet reported carry its keys.
  const carts = (await Promise.all(buckets)).flat();
  const outcomes = await Promise.all(carts.map((cart) => report(table, cart, now)));
  const reported = outcomes.filter(Boolean).length;
  return { reported, skipped: outcomes.length - reported };
};
