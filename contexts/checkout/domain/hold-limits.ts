import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';

/**
 * Units of one variant a single order may hold. The cart takes more (MAX_LINE_QUANTITY, for quotes and
 * wish lists), but a checkout holds stock for a payment that may never come: a guest who sees the
 * availability could otherwise hold every unit. Ten covers an honest basket; a trade buyer asks the shop.
 */
export const MAX_UNITS_PER_VARIANT = 10;

/**
 * Unpaid (`pending_payment`) orders one e-mail address may have at once. A shopper retrying in another
 * tab or with another card stays well under it; a script holding stock with fresh carts does not. Per
 * cart the limit is 1 already: checkout closes the cart until its order leaves `pending_payment`.
 */
export const MAX_PENDING_ORDERS_PER_EMAIL = 3;

/** Refuses a cart whose lines ask more of one variant than an order may hold; nothing is written yet. */
export const assertUnitsWithinLimit = (lines: ReadonlyArray<{ variantId: string; quantity: number }>) => {
  const over = lines.filter((l) => l.quantity > MAX_UNITS_PER_VARIANT);
  if (over.length === 0) return;
  throw new UnprocessableError(
    `An order holds at most ${MAX_UNITS_PER_VARIANT} units of a variant; lower the quantity of ${over
      .map((l) => l.variantId)
      .join(', ')}`,
    'too_many_units',
  );
};

/** The refusal of a checkout beyond MAX_PENDING_ORDERS_PER_EMAIL. */
export const tooManyPendingOrders = () =>
  new ConflictError(
    `At most ${MAX_PENDING_ORDERS_PER_EMAIL} orders per e-mail address may await payment at once: pay or let one lapse first`,
    'too_many_pending_orders',
  );
