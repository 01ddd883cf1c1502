import { z } from 'zod';
import { cartRecord } from '#contexts/carts/domain/schemas.ts';
import { returnSchema } from '#contexts/fulfillment/domain/returns.ts';
import type { OrderSummary } from '#contexts/orders/domain/schemas.ts';
import { orderSchema } from '#contexts/orders/domain/schemas.ts';
import { AppError } from '#platform/errors/index.ts';
import { customerSchema } from './schemas.ts';

/**
 * Everything we hold about one customer (GDPR art. 15 and 20): their profile and addresses, the groups
 * they are in, their open carts, and every order they placed with its refunds, fulfillments and returns.
 */
export const customerExportSchema = z
  .object({
    customerId: z.string().max(128),
    exportedAt: z.iso.datetime(),
    /** Null when there is no profile (never signed in, or erased). */
    profile: customerSchema.nullable(),
    groupIds: z.array(z.string().max(64)),
    carts: z.array(cartRecord),
    orders: z.array(orderSchema.extend({ returns: z.array(returnSchema) })),
  })
  .meta({ id: 'CustomerExport' });
export type CustomerExport = z.infer<typeof customerExportSchema>;

/**
 * What replaces a personal text field of an anonymised order. A fixed word rather than an empty string:
 * the stored address schema refuses blanks, and a reader sees at once that the field was erased.
 */
export const ERASED = 'erased';

/**
 * The shipping address of an anonymised order. The country stays: it decides the tax the order paid,
 * which the books must still explain; alone it identifies no one.
 */
export const anonymisedAddress = (country: string) => ({
  name: ERASED,
  line1: ERASED,
  line2: null,
  city: ERASED,
  postalCode: null,
  region: null,
  country,
  phone: null,
});

/** Where the goods of a paid order must still go: nothing has left the warehouse yet, or only some. */
const UNSHIPPED = new Set(['unfulfilled', 'partially_fulfilled']);

/**
 * Whether an order still needs the customer's personal data to be carried out (GDPR art. 17(3)(b): the
 * contract is not yet performed): awaiting payment, being canceled, or paid with goods still to send.
 */
export const isOpenOrder = (order: Pick<OrderSummary, 'status' | 'fulfillmentStatus'>): boolean =>
  order.status === 'pending_payment' ||
  order.status === 'cancel_pending' ||
  (order.status === 'paid' && UNSHIPPED.has(order.fulfillmentStatus));

/**
 * 409 `orders_open`: the customer has orders still being carried out, which need their address and
 * e-mail; erasure waits until they complete (each named in `errors`).
 */
export class OrdersOpenError extends AppError {
  constructor(orders: readonly Pick<OrderSummary, 'id' | 'status' | 'fulfillmentStatus'>[]) {
    super({
      status: 409,
      code: 'orders_open',
      title: 'Conflict',
      detail: `${orders.length} order(s) are still open; erasure is possible once they are completed or canceled`,
      errors: orders.map((o) => ({ path: `orders/${o.id}`, message: `${o.status}, ${o.fulfillmentStatus}` })),
    });
  }
}

/** Who asked for an erasure: the customer themselves (`DELETE /me`) or the back office. */
export const erasureBy = z.enum(['customer', 'admin']);
export type ErasureBy = z.infer<typeof erasureBy>;
