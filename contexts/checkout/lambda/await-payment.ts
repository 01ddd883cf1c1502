import { awaitStepInput } from '#contexts/checkout/workflow/inputs.ts';
import { awaitPayment } from '#contexts/payments/data/waiter.ts';
import { requireEnv } from '#platform/config/env.ts';

const table = requireEnv('TABLE_NAME');

/**
 * Named for the saga's Retry: the token was not stored (or the early result not read), a transient
 * failure of this idempotent step — unlike `PaymentFailed`/`PaymentCanceled`, which end the wait.
 */
class WaitNotStoredError extends Error {
  constructor(cause: unknown) {
    super('The payment wait could not store its task token or read the result', { cause });
    this.name = 'WaitNotStoredError';
  }
}

/**
 * The payment saga's wait (`.waitForTaskToken`): stores the task token for the webhook, then resumes the
 * saga at once if the payment result was recorded before the wait began.
 */
export const handler = async (event: unknown) => {
  const { orderId, taskToken } = awaitStepInput.parse(event);
  try {
    return { effect: await awaitPayment(table, orderId, taskToken) };
  } catch (error) {
    throw new WaitNotStoredError(error);
  }
};
