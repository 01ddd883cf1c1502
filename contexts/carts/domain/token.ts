import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new guest cart token: 256 random bits, URL-safe; only its hash is stored. */
export const newCartToken = (): string => randomBytes(32).toString('base64url');

/** The stored form of a token: SHA-256 hex (a random 256-bit secret needs no slow hash). */
export const hashCartToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether a presented token is the one whose hash is stored, compared in constant time. */
export const cartTokenMatches = (presented: string | undefined, storedHash: string | undefined): boolean => {
  if (!presented || !storedHash) return false;
  const a = Buffer.from(hashCartToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};
