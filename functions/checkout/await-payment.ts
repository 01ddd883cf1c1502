import { awaitStepInput } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';
import { awaitPayment } from '#shared/payments/waiter.ts';

const table = requireEnv('TABLE_NAME');

/**
 * The payment saga's wait (`.waitForTaskToken`): stores the task token for the webhook, then resumes the
 * saga at once if the payment result was recorded before the wait began.
 */
export const handler = async (event: unknown) => {
  const { orderId, taskToken } = awaitStepInput.parse(event);
  return { effect: await awaitPayment(table, orderId, taskToken) };
};
