import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors/index.ts';

/** A DynamoDB key as it appears in `LastEvaluatedKey`: string attributes only in this table. */
export type PageKey = Record<string, string>;

const pageKey = z.record(z.string().max(64), z.string().max(1024));
const MAX_CURSOR_LENGTH = 2048;

const sign = (payload: string, key: string, scope: string) =>
  createHmac('sha256', key).update(`${scope}\n${payload}`).digest('base64url').slice(0, 32);

const invalid = () =>
  new ValidationError('The cursor is not valid', [{ path: 'cursor', message: 'invalid' }], 'invalid_cursor');

/**
 * Encodes a page key as an opaque cursor, signed with a secret and bound to the query it came from
 * (`scope`), so a client can neither forge a key nor replay a cursor against another listing.
 */
export const encodeCursor = (key: PageKey, secret: string, scope: string): string => {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${sign(payload, secret, scope)}`;
};

/** Decodes and verifies a cursor made by `encodeCursor`; anything else is a 400 `invalid_cursor`. */
export const decodeCursor = (cursor: string, secret: string, scope: string): PageKey => {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid();
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(payload, secret, scope));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  try {
    return pageKey.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw invalid();
  }
};
