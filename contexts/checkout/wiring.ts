import { SFNClient } from '@aws-sdk/client-sfn';
import { operationOf } from '#platform/http/operation.ts';

/**
 * What the checkout route uses: the Step Functions client and the checkout workflow it runs. The
 * placing step and the saga's steps wire their own (lambda/), so no bundle carries what it never calls.
 */
export const checkoutServices = (stateMachineArn: string) => ({
  stateMachineArn,
  // StartSyncExecution goes to the `sync-` host of Step Functions' endpoint; an endpoint override (the
  // local cloud) is one host, which the prefix would turn into a name that does not resolve.
  sfn: new SFNClient({ disableHostPrefix: process.env.AWS_ENDPOINT_URL_SFN !== undefined }),
});
export type CheckoutServices = ReturnType<typeof checkoutServices>;

/** Declares an operation of the `startCheckout` function (typed with its services). */
export const checkoutOperation = operationOf<CheckoutServices>();
