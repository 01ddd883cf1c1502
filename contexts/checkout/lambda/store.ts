import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { storeOperations } from '../operations/store.ts';
import { checkoutServices } from '../wiring.ts';

/** The `startCheckout` function: POST /carts/{cartId}/checkout, which runs the checkout workflow. */
export const handler = httpRouter(
  storeOperations,
  checkoutServices(requireEnv('STATE_MACHINE_ARN_CHECKOUT')),
);
