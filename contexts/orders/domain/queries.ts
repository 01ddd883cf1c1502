import { z } from 'zod';
import { orderId, orderStatus } from '../domain/schemas.ts';

const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
};

/**
 * A point in time, normalised to `toISOString()` form, because index sort keys compare as strings:
 * `2025-01-01T00:00:00Z` and `2025-01-01T00:00:00.000Z` are the same instant but not the same string.
 */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value).toISOString())
  .meta({ description: 'An ISO 8601 date-time (or a date: midnight UTC)' });

/** Path of the single-order routes. */
export const orderPath = z.strictObject({ orderId });

/** `GET /me/orders`: one page of the caller's orders, newest first. */
export const myOrdersQuery = z.strictObject(pageFields);

/** `GET /admin/orders`: filters that each map to an index key condition (docs/orders.md). */
export const adminOrdersQuery = z
  .strictObject({
    status: orderStatus.optional(),
    from: instant.optional().meta({ description: 'Created at or after (inclusive)' }),
    to: instant.optional().meta({ description: 'Created before (exclusive)' }),
    customerId: z.string().min(1).max(128).optional(),
    ...pageFields,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] });
export type AdminOrdersQuery = z.infer<typeof adminOrdersQuery>;
