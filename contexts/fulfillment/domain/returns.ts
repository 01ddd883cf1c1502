import { z } from 'zod';
import { derivedId } from '#platform/idempotency/derive.ts';
import { mulDivHalfUp } from '#platform/money/rounding.ts';
import { amountSchema } from '#platform/money/schema.ts';
import { multilineText } from '#platform/text/schema.ts';
import { unitsBy } from './quantities.ts';
import type { Fulfillment } from './schemas.ts';

/*
 * Returns (RMA, pure): units of shipped lines the customer sends back. A return is `requested`, then
 * `received` (each line restocked at a location or discarded, and refunded), or `canceled`. Room is left
 * for exchanges: a return line names what it gives back; an exchange would add what it takes.
 */

export const returnReason = z.enum([
  'damaged',
  'defective',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'other',
]);
export const returnStatus = z.enum(['requested', 'received', 'canceled']);
export type ReturnStatus = z.infer<typeof returnStatus>;

const returnLineInput = z.strictObject({
  lineId: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000),
  reason: returnReason,
});

/** What is returned: shipped units of some lines, each at most once, with why. */
export const returnRequest = z
  .strictObject({
    lines: z
      .array(returnLineInput)
      .min(1)
      .max(100)
      .refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'Each line at most once'),
    note: multilineText().trim().max(500).optional(),
  })
  .meta({ id: 'ReturnRequest' });
export type ReturnRequest = z.infer<typeof returnRequest>;

/** How each returned line arrived: back on a location's shelf, or discarded; and whether shipping is refunded. */
export const receiveRequest = z
  .strictObject({
    lines: z
      .array(
        z.discriminatedUnion('condition', [
          z.strictObject({
            lineId: z.string().min(1).max(64),
            condition: z.literal('restock'),
            locationId: z.string().min(1).max(64),
          }),
          z.strictObject({ lineId: z.string().min(1).max(64), condition: z.literal('discard') }),
        ]),
      )
      .min(1)
      .max(100),
    refundShipping: z.boolean().default(false),
  })
  .meta({ id: 'ReceiveReturnRequest' });
export type ReceiveRequest = z.infer<typeof receiveRequest>;

export const returnSchema = z
  .object({
    id: z.string().max(64),
    orderId: z.string().max(64),
    status: returnStatus,
    by: z.enum(['customer', 'admin']),
    lines: z.array(
      returnLineInput.extend({
        condition: z.enum(['restock', 'discard']).nullable(),
        locationId: z.string().max(64).nullable(),
      }),
    ),
    note: z.string().max(500).nullable(),
    /** What the receipt refunded, in minor units of the order's currency (its refund: `refundId`). */
    refundAmount: amountSchema.nullable(),
    shippingRefunded: z.boolean(),
    refundId: z.string().max(64).nullable(),
    createdAt: z.iso.datetime(),
    receivedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Return' });
export type Return = z.infer<typeof returnSchema>;

type Counted = Pick<Return, 'lines' | 'status'>;

/** Units per line in returns that are not canceled. */
export const returnedUnits = (returns: readonly Counted[]): Map<string, number> => {
  const units = new Map<string, number>();
  for (const r of returns)
    if (r.status !== 'canceled')
      for (const l of r.lines) units.set(l.lineId, (units.get(l.lineId) ?? 0) + l.quantity);
  return units;
};

/** Why these units cannot be returned (not shipped, or returned already), or undefined. */
export const notReturnable = (
  fulfillments: readonly Pick<Fulfillment, 'lines' | 'status'>[],
  returns: readonly Counted[],
  lines: readonly { lineId: string; quantity: number }[],
): string | undefined => {
  const shipped = unitsBy(fulfillments, ['shipped', 'delivered']);
  const returned = returnedUnits(returns);
  for (const line of lines) {
    const left = (shipped.get(line.lineId) ?? 0) - (returned.get(line.lineId) ?? 0);
    if (line.quantity > left)
      return `Line ${line.lineId}: ${line.quantity} to return, ${Math.max(0, left)} shipped and not returned`;
  }
  return undefined;
};

/**
 * What returning `quantity` more units of a line refunds, given `before` of its units returned already:
 * the line's total (its price less its share of discounts, with its tax) pro rata, computed on the running
 * count so the parts of a line never add up to more than its total.
 */
export const lineRefund = (
  line: { total: number; quantity: number },
  before: number,
  quantity: number,
): number =>
  mulDivHalfUp(line.total, before + quantity, line.quantity) -
  mulDivHalfUp(line.total, before, line.quantity);

/** A return's id: derived from the order and the request's Idempotency-Key. */
export const returnIdFor = (orderId: string, idempotencyKey: string): string =>
  derivedId('ret', 'return', [orderId, idempotencyKey], 24);
