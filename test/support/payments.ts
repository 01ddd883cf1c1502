import Stripe from 'stripe';

/**
 * Confirms a PaymentIntent the way Stripe.js does in a shopper's browser: with the publishable key and
 * the client secret (which the SDK's server-side types do not list), never with our secret key.
 */
export const confirmLikeStripeJs = (
  browser: Stripe,
  paymentIntentId: string,
  clientSecret: string,
  paymentMethod: string,
) =>
  browser.paymentIntents.confirm(paymentIntentId, {
    payment_method: paymentMethod,
    client_secret: clientSecret,
  } as Stripe.PaymentIntentConfirmParams);

/** An SDK client of a local Stripe (`apiUrl`), without retries so a test sees the first answer. */
export const localStripeClient = (key: string, apiUrl: string): Stripe => {
  const url = new URL(apiUrl);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0 });
};
