import { createHash } from 'node:crypto';
import { z } from 'zod';
import { lineText } from '#platform/text/schema.ts';
import { locationId, MAX_STOCK, variantId } from './schemas.ts';

/** Rows one `PUT /admin/inventory` may carry: a warehouse system's feed comes in pages of this. */
export const MAX_FEED_ROWS = 1000;

/**
 * One row of a stock feed: an absolute on-hand count at a location (`set`), or a change to it
 * (`adjust`, signed), exactly one of the two.
 */
export const feedRow = z
  .strictObject({
    variantId,
    locationId,
    set: z.number().int().min(0).max(MAX_STOCK).optional(),
    adjust: z
      .number()
      .int()
      .min(-MAX_STOCK)
      .max(MAX_STOCK)
      .refine((n) => n !== 0, 'must not be 0')
      .optional(),
  })
  .refine((row) => (row.set === undefined) !== (row.adjust === undefined), {
    message: 'exactly one of set and adjust',
  });
export type FeedRow = z.infer<typeof feedRow>;

/**
 * `PUT /admin/inventory`: the rows are checked one by one (a bad row is reported, the others land),
 * so the body only bounds them. `syncId` names the feed run: sent again, it is applied once.
 */
export const stockFeedInput = z.strictObject({
  syncId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits, . _ : - only (at most 100)')
    .meta({ description: 'The feed run’s id: the same id with the same rows is applied once' }),
  reason: lineText().min(1).max(200).default('stock feed'),
  rows: z.array(z.unknown()).min(1).max(MAX_FEED_ROWS),
});
export type StockFeedInput = z.infer<typeof stockFeedInput>;

export const feedRowStatus = z.enum(['applied', 'failed']);

/** What happened to one row, by its index in the request. */
export const feedRowReport = z.object({
  index: z.number().int().min(0),
  variantId: z.string().optional(),
  locationId: z.string().optional(),
  status: feedRowStatus,
  /** On-hand at the location after the row (applied rows). */
  onHand: z.number().int().optional(),
  /** Why the row failed: a stable code (`invalid_row`, `duplicate_row`, `location_not_found`, …). */
  code: z.string().optional(),
  detail: z.string().optional(),
});
export type FeedRowReport = z.infer<typeof feedRowReport>;

export const stockFeedReport = z.object({
  syncId: z.string(),
  /** True when this syncId was applied before: the stored report, nothing applied again. */
  replayed: z.boolean(),
  applied: z.number().int(),
  failed: z.number().int(),
  rows: z.array(feedRowReport),
});
export type StockFeedReport = z.infer<typeof stockFeedReport>;

/** A row that passed its checks, with its index. */
export interface CheckedRow extends FeedRow {
  readonly index: number;
}

/**
 * Splits the rows into the ones to apply and the failures known before touching stock: rows that do
 * not parse, and a second row for a variant and location already in the feed (its order would decide
 * the result, so the feed must say which it means).
 */
export const checkRows = (rows: readonly unknown[]): { valid: CheckedRow[]; failed: FeedRowReport[] } => {
  const valid: CheckedRow[] = [];
  const failed: FeedRowReport[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const parsed = feedRow.safeParse(raw);
    const ids = identify(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      failed.push({
        index,
        ...ids,
        status: 'failed',
        code: 'invalid_row',
        detail: `${where}${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const key = `${parsed.data.variantId}\u0000${parsed.data.locationId}`;
    if (seen.has(key)) {
      failed.push({
        index,
        ...ids,
        status: 'failed',
        code: 'duplicate_row',
        detail: 'This variant and location are already in the feed',
      });
      return;
    }
    seen.add(key);
    valid.push({ ...parsed.data, index });
  });
  return { valid, failed };
};

/** The ids a row names, when they are strings, so a bad row can still be told apart in the report. */
const identify = (raw: unknown): { variantId?: string; locationId?: string } => {
  if (typeof raw !== 'object' || raw === null) return {};
  const { variantId: v, locationId: l } = raw as Record<string, unknown>;
  return {
    ...(typeof v === 'string' ? { variantId: v.slice(0, 64) } : {}),
    ...(typeof l === 'string' ? { locationId: l.slice(0, 64) } : {}),
  };
};

/** The feed's fingerprint: a syncId sent again must carry the same rows to be the same run. */
export const feedHash = (input: StockFeedInput): string =>
  createHash('sha256')
    .update(JSON.stringify([input.reason, input.rows]))
    .digest('base64url');
