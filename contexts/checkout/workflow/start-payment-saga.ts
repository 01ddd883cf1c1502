/*
 * The `StartPaymentSaga` state of the checkout workflow runs no code of ours: Step Functions'
 * startExecution integration starts the order's payment saga (`checkout-payment.asl.json`), named after
 * the order, so a retried checkout finds it running or over instead of starting a second one.
 */

/**
 * What undoes the placing when its saga cannot be started: `CancelPlacement` releases the order at once
 * (reached only by the request that placed it: a retried request must not cancel a checkout the shopper
 * may be paying for). A saga that already exists is no failure: the checkout goes on to open the payment.
 */
export const compensatedBy = 'CancelPlacement';
