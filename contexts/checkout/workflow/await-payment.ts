import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import { screenPaymentResult } from '#contexts/payments/data/screen-result.ts';
import { awaitPayment } from '#contexts/payments/data/waiter.ts';
import type { PaymentResult } from '#contexts/payments/domain/result.ts';
import { awaitStepInput } from './inputs.ts';

/**
 * What undoes a wait that ends without a payment (declined, canceled, expired, or broken): `Release`,
 * which cancels the intent and gives the stock and promotion use back, ending the order with the reason.
 */
export const compensatedBy = 'Release';

/**
 * Named for the saga's Retry: the token was not stored (or the early result not read), a transient
 * failure of this idempotent step — unlike `PaymentFailed`/`PaymentCanceled`, which end the wait.
 */
export class WaitNotStoredError extends Error {
  constructor(cause: unknown) {
    super('The payment wait could not store its task token or read the result', { cause });
    this.name = 'WaitNotStoredError';
  }
}

/**
 * The `AwaitPayment` state of the payment saga (`.waitForTaskToken`): stores the task token for the
 * webhook, then resumes the saga at once if the payment result was recorded before the wait began and
 * is the order's own (its intent; for a success also its amount and currency).
 */
export const awaitPaymentStep = async (
  deps: { readonly table: string; readonly orders: Pick<OrderRepository, 'get'> },
  event: unknown,
) => {
  const { orderId, taskToken } = awaitStepInput.parse(event);
  const isOwn = async (result: PaymentResult) =>
    (await screenPaymentResult(deps.orders, result)).kind === 'own';
  try {
    return { effect: await awaitPayment(deps.table, orderId, taskToken, isOwn) };
  } catch (error) {
    throw new WaitNotStoredError(error);
  }
};
