import { storeTaskToken } from '#platform/data/task-tokens.ts';
import type { PaymentResult } from '../domain/result.ts';
import { paymentKeys } from './keys.ts';
import { resumeCheckout } from './notify-checkout.ts';
import { getPaymentResult } from './result-store.ts';

/**
 * The checkout saga's wait step: stores the task token under the order (`paymentKeys.waiter`), THEN
 * reads the recorded payment result (strongly consistent). A webhook that came first has recorded its
 * result, so the step resumes the saga itself with the token it holds; one that comes later finds the
 * token. Either way the saga hears of the payment; if both act, the second finds the task closed
 * (`stale`) and does nothing. An early result resumes the saga only when `isOwn` says it is the order's
 * own payment (the webhook records no other, but the rule holds wherever a result meets the saga): else
 * the wait goes on. 1 PutItem + 1 GetItem (+ `isOwn` and 1 SendTask* when a result was already there).
 */
export const awaitPayment = async (
  table: string,
  orderId: string,
  taskToken: string,
  isOwn: (result: PaymentResult) => Promise<boolean>,
  now = new Date(),
) => {
  await storeTaskToken(table, paymentKeys.waiter(orderId), taskToken, `order:${orderId}`, now);
  const early = await getPaymentResult(table, orderId);
  if (!early) return 'waiting';
  return (await isOwn(early)) ? resumeCheckout(taskToken, early) : 'waiting';
};
