import { createHash, randomUUID } from 'node:crypto';
import type { CreatePromotionInput } from './promotion-inputs.ts';

/**
 * The id of a new promotion: with an Idempotency-Key, a UUID (v8 layout) hashed from it, so a retried
 * POST targets the same item and its conditional Put turns the retry into a replay; else a random UUID.
 */
export const promotionIdFor = (idempotencyKey: string | undefined): string => {
  if (idempotencyKey === undefined) return randomUUID();
  const hash = createHash('sha256').update(`promotion\n${idempotencyKey}`).digest().subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A fingerprint of a create request, stored with the promotion so a replay is told from a key reuse. */
export const requestHashOf = (idempotencyKey: string, input: CreatePromotionInput): string =>
  createHash('sha256')
    .update(`${idempotencyKey}\n${JSON.stringify(input)}`)
    .digest('base64url');
