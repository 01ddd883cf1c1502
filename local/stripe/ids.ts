import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` random base-62 characters (the alphabet Stripe's ids and keys use). */
export const randomToken = (length: number): string => {
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps the characters uniform (256 is not a multiple of 62).
  for (const byte of bytes) {
    if (byte < 248) out += ALPHABET[byte % 62];
    if (out.length === length) return out;
  }
  return out + randomToken(length - out.length);
};

/** A Stripe-looking id: `pi_…`, `ch_…`, `re_…`, `evt_…`, `req_…`. */
export const newId = (prefix: string): string => `${prefix}_${randomToken(24)}`;

/** The keys one local Stripe account answers to. */
export interface StripeKeys {
  readonly secretKey: string;
  readonly publishableKey: string;
  readonly webhookSecret: string;
}

/** Fresh test-mode keys, shaped like the dashboard's. */
export const generateKeys = (): StripeKeys => ({
  secretKey: `sk_test_${randomToken(99)}`,
  publishableKey: `pk_test_${randomToken(99)}`,
  webhookSecret: `whsec_${randomToken(32)}`,
});
