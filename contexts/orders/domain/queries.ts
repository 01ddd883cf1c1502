import { z } from 'zod';
import { channelId } from '#contexts/channels/domain/schemas.ts';
import { orderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import { orderId, orderStatus, paymentStatus } from './schemas.ts';
import { isListed } from './status.ts';

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

/** Why the admin list refuses `status=pending_payment` alone (docs/orders.md). */
export const PENDING_NOT_LISTED =
  'Orders awaiting payment are not listed across customers (they leave pending_payment within the ' +
  'payment timeout): list them per customer (add customerId) or read one by id (GET /admin/orders/{orderId})';

/**
 * `GET /admin/orders`: filters that each map to an index key condition (docs/orders.md), but the facets
 * (payment and fulfillment status), which filter the summaries those Queries read. Every status is
 * indexed per customer, only the listed ones (`LISTED_STATUSES`) across customers; `pending` is the
 * payment status of `pending_payment` alone, so it needs a customer too.
 */
export const adminOrdersQuery = z
  .strictObject({
    status: orderStatus.optional().meta({
      description:
        'Only orders in this status. `pending_payment` needs `customerId` (400 `validation_failed` ' +
        'without it); without a status, every status but `pending_payment` is listed, or with ' +
        '`customerId` every status',
    }),
    from: instant.optional().meta({ description: 'Created at or after (inclusive)' }),
    to: instant.optional().meta({ description: 'Created before (exclusive)' }),
    customerId: z.string().min(1).max(128).optional(),
    paymentStatus: paymentStatus.optional().meta({
      description:
        'Only orders whose payment is in this status (kept apart from `status`: a paid order can be ' +
        '`partially_refunded`). `pending` needs `customerId`, as `status=pending_payment` does',
    }),
    fulfillmentStatus: orderFulfillmentStatus.optional().meta({
      description: 'Only orders whose goods are in this status (`unfulfilled` … `delivered`)',
    }),
    channelId: channelId.optional().meta({
      description: 'Only orders placed in this sales channel (`default`: without a publishable key)',
    }),
    ...pageFields,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => !q.status || isListed(q.status) || q.customerId !== undefined, {
    message: PENDING_NOT_LISTED,
    path: ['status'],
  })
  .refine((q) => q.paymentStatus !== 'pending' || q.customerId !== undefined, {
    message: PENDING_NOT_LISTED,
    path: ['paymentStatus'],
  });
export type AdminOrdersQuery = z.infer<typeof adminOrdersQuery>;
