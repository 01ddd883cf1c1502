import Stripe from 'stripe';
import { type LocalStripe, type StripeOptions, start } from '#local/stripe/index.ts';
import { localStripeClient } from '../../support/payments.ts';

/** A started local Stripe and two SDK clients: the server's (secret key) and a browser's (publishable). */
export interface StripeHarness {
  readonly local: LocalStripe;
  readonly stripe: Stripe;
  readonly browser: Stripe;
}

const client = (key: string, port: number) => localStripeClient(key, `http://127.0.0.1:${port}`);

export const startStripe = async (options: StripeOptions = {}): Promise<StripeHarness> => {
  const local = await start({ log: () => {}, ...options });
  return {
    local,
    stripe: client(local.secretKey, local.port),
    browser: client(local.publishableKey, local.port),
  };
};

/** The error a promise rejects with (fails the test when it resolves). */
export const rejection = async (promise: Promise<unknown>): Promise<Stripe.errors.StripeError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};
