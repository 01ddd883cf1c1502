import { SFNClient } from '@aws-sdk/client-sfn';
import { cartPath } from '#contexts/carts/domain/schemas.ts';
import { cartCaller } from '#contexts/carts/operations/requests.ts';
import { orderIdFor } from '#contexts/checkout/domain/ids.ts';
import { checkoutResponse } from '#contexts/checkout/operations/response.ts';
import { runCheckout } from '#contexts/checkout/operations/run.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { callerOf } from '#platform/http/identity.ts';
import { json } from '#platform/http/response.ts';

const stateMachineArn = requireEnv('STATE_MACHINE_ARN_CHECKOUT');
// StartSyncExecution goes to the `sync-` host of Step Functions' endpoint; an endpoint override (the local
// cloud) is one host, which the prefix would turn into a name that does not resolve.
const sfn = new SFNClient({ disableHostPrefix: process.env.AWS_ENDPOINT_URL_SFN !== undefined });

/**
 * POST /carts/{cartId}/checkout: runs the checkout workflow synchronously and answers with the order
 * and what Stripe.js needs to pay it, so the storefront never polls. The Idempotency-Key names the order.
 */
export const handler = httpHandler({ path: cartPath }, async ({ path, event }) => {
  const idempotencyKey = requiredIdempotencyKey(event);
  const email = callerOf(event)?.email;
  const placed = await runCheckout(sfn, stateMachineArn, {
    orderId: orderIdFor(path.cartId, idempotencyKey),
    cartId: path.cartId,
    caller: cartCaller(event),
    ...(email ? { customerEmail: email } : {}),
  });
  return json(201, checkoutResponse(placed), {
    location: `/orders/${placed.orderId}`,
    'cache-control': 'no-store',
    ...(placed.replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});
