import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../data/client.ts';
import { Entity, paymentKeys } from '../data/keys.ts';
import { notifyWaitingCheckout } from './notify-checkout.ts';
import { getPaymentResult } from './result-store.ts';

/** A token outlives its wait only for support staff to look at; TTL removes it a day later. */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * The checkout saga's wait step: stores the task token under the order (`paymentKeys.waiter`), THEN
 * reads the recorded payment result (strongly consistent). A webhook that came first has recorded its
 * result, so the step resumes the saga itself; one that comes later finds the token. Either way the
 * saga hears of the payment; if both act, the second finds the task closed (`stale`) and does nothing.
 * 1 PutItem + 1 GetItem (+ 1 GetItem and 1 SendTask* when a result was already there).
 */
export const awaitPayment = async (table: string, orderId: string, taskToken: string, now = new Date()) => {
  await documentClient().send(
    new PutCommand({
      TableName: table,
      Item: {
        ...paymentKeys.waiter(orderId),
        entity: Entity.taskToken,
        taskToken,
        subject: `order:${orderId}`,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
      },
    }),
  );
  const early = await getPaymentResult(table, orderId);
  return early ? notifyWaitingCheckout(table, early) : 'waiting';
};
