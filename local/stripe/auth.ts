import { timingSafeEqual } from 'node:crypto';
import { unauthorized } from './errors.ts';
import type { StripeKeys } from './ids.ts';

/** Which key authenticated a request: Stripe.js in a browser holds only the publishable one. */
export type Caller = 'secret' | 'publishable';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

// Stripe shows only the end of a wrong key in its error message.
const redact = (key: string) =>
  `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;

/** The key from `Authorization: Bearer <key>` (or Basic with the key as user name, as curl -u sends). */
const presentedKey = (header: string | undefined): string | undefined => {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  return undefined;
};

/** Checks the request's API key against the account's keys, raising Stripe's 401s. */
export const authenticate = (header: string | undefined, keys: StripeKeys): Caller => {
  const key = presentedKey(header);
  if (!key)
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  if (same(key, keys.secretKey)) return 'secret';
  if (same(key, keys.publishableKey)) return 'publishable';
  throw unauthorized(`Invalid API Key provided: ${redact(key)}`);
};

/** 401 for a publishable key on a call that needs the secret key (or the object's client secret). */
export const secretKeyRequired = () =>
  unauthorized(
    'This API call cannot be made with a publishable API key. Please use a secret API key.',
    'secret_key_required',
  );
