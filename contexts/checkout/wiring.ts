import { operationOf } from '#platform/http/operation.ts';
import { workflowClient } from './data/run-checkout.ts';

/**
 * What the checkout route uses: the Step Functions client and the checkout workflow it runs. The
 * placing step and the saga's steps wire their own (lambda/), so no bundle carries what it never calls.
 */
export const checkoutServices = (stateMachineArn: string) => ({
  stateMachineArn,
  sfn: workflowClient(),
});
export type CheckoutServices = ReturnType<typeof checkoutServices>;

/** Declares an operation of the `startCheckout` function (typed with its services). */
export const checkoutOperation = operationOf<CheckoutServices>();
