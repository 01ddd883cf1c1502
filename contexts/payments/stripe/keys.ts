import { z } from 'zod';
import { requireEnv } from '#platform/config/env.ts';
import { readSecret } from '#platform/config/secrets.ts';
import { PaymentProviderError } from '../domain/errors.ts';

/**
 * The JSON value of the `stripe` secret, as ops put it in (see docs/payments.md). The prefixes make the
 * stack's `REPLACE_ME` placeholders fail loudly. Unknown fields are dropped: nothing in the secret can
 * redirect where the keys are sent.
 */
export const stripeKeysSchema = z.object({
  secretKey: z
    .string()
    .max(255)
    .regex(/^(sk|rk)_(test|live)_\w+$/),
  publishableKey: z
    .string()
    .max(255)
    .regex(/^pk_(test|live)_\w+$/),
  webhookSecret: z
    .string()
    .max(255)
    .regex(/^whsec_\w+$/),
});
export type StripeKeys = z.infer<typeof stripeKeysSchema>;

/** The environment variable with the ARN of the `stripe` external secret (app/environment.ts). */
export const STRIPE_SECRET_ENV = 'SECRET_ARN_STRIPE';

/** Parses a secret's text; says which fields are wrong without ever echoing a value. */
export const parseStripeKeys = (text: string): StripeKeys => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PaymentProviderError('The Stripe secret is not JSON', 'payment_provider_not_configured');
  }
  const parsed = stripeKeysSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new PaymentProviderError(
      `The Stripe secret is not filled in (check: ${fields})`,
      'payment_provider_not_configured',
    );
  }
  return parsed.data;
};

/**
 * The Stripe keys of this deployment, from Secrets Manager (cached 5 minutes, see config/secrets.ts).
 * `refresh` skips the cache, e.g. after Stripe refused a key that ops may have rolled.
 */
export const loadStripeKeys = async (options: { refresh?: boolean } = {}): Promise<StripeKeys> =>
  parseStripeKeys(await readSecret(requireEnv(STRIPE_SECRET_ENV), options));
