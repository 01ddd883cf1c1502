import { completeCheckout } from '#shared/checkout/complete.ts';
import { checkoutServices } from '#shared/checkout/services.ts';
import { completeStepInput } from '#shared/checkout/steps.ts';
import { requireEnv } from '#shared/config.ts';

const deps = checkoutServices(requireEnv('TABLE_NAME'));

/** The payment saga's success step: the stock sold, the order paid, `OrderPlaced` — in one transaction. */
export const handler = async (event: unknown) => {
  const { orderId, paymentIntentId } = completeStepInput.parse(event);
  return completeCheckout(deps, orderId, paymentIntentId);
};
