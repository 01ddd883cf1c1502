import { receiveStripeWebhook } from './stripe-webhook.ts';

/** The operations of the `stripeWebhook` function: the payment provider's callbacks. */
export const webhookOperations = [receiveStripeWebhook];
