import type { AppDefinition } from '#platform/definition/types.ts';

/**
 * Where the definition states how long a checkout waits for its payment: the placing step's
 * environment (it sizes the stock hold) and the payment saga's `TimeoutSeconds` substitution.
 */
export const PAYMENT_TIMEOUT = {
  environment: 'CHECKOUT_PAYMENT_TIMEOUT_SECONDS',
  substitution: 'PaymentTimeoutSeconds',
} as const;

/**
 * The definition with another payment wait, in both places at once (the local cloud shortens it so an
 * unpaid checkout visibly expires). Throws when the definition no longer states it in both places.
 */
export const withPaymentTimeout = (app: AppDefinition, seconds: number): AppDefinition => {
  const value = String(seconds);
  let places = 0;
  const functions = Object.fromEntries(
    Object.entries(app.functions).map(([name, fn]) => {
      if (!fn.environment || !(PAYMENT_TIMEOUT.environment in fn.environment)) return [name, fn];
      places++;
      return [name, { ...fn, environment: { ...fn.environment, [PAYMENT_TIMEOUT.environment]: value } }];
    }),
  );
  const stateMachines = Object.fromEntries(
    Object.entries(app.stateMachines).map(([name, sm]) => {
      if (!(PAYMENT_TIMEOUT.substitution in sm.substitutions)) return [name, sm];
      places++;
      return [
        name,
        { ...sm, substitutions: { ...sm.substitutions, [PAYMENT_TIMEOUT.substitution]: { literal: value } } },
      ];
    }),
  );
  if (places < 2)
    throw new Error(
      `The definition should state the payment timeout as ${PAYMENT_TIMEOUT.environment} and ${PAYMENT_TIMEOUT.substitution}`,
    );
  return { ...app, functions, stateMachines };
};

/** The payment wait a definition states (its saga's substitution), in seconds. */
export const paymentTimeoutOf = (app: AppDefinition): number => {
  for (const sm of Object.values(app.stateMachines)) {
    const s = sm.substitutions[PAYMENT_TIMEOUT.substitution];
    if (s && 'literal' in s) return Number(s.literal);
  }
  throw new Error(`The definition states no ${PAYMENT_TIMEOUT.substitution}`);
};
