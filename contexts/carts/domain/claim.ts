import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '#contexts/pricing/domain/cart-schemas.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { touched } from './changes.ts';
import { type CartRecord, MAX_CART_CODES } from './schemas.ts';

/** A guest cart handed to the customer who claims it: owner set, token no longer needed. */
export const adopt = (guest: CartRecord, customerId: string, now: Date): CartRecord => {
  const { tokenHash: _dropped, ...rest } = guest;
  return touched({ ...rest, customerId }, now);
};

/**
 * Merges a guest cart into the customer's open cart: quantities of a variant in both are added (capped
 * at the line limit), the guest's other lines appended; the customer's own e-mail, address, option and
 * codes win, the guest's fill what is missing. The guest cart is closed, pointing at the merged cart.
 */
export const merge = (
  target: CartRecord,
  guest: CartRecord,
  now: Date,
): { readonly target: CartRecord; readonly guest: CartRecord } => {
  const lines = [...target.lines];
  for (const g of guest.lines) {
    const i = lines.findIndex((l) => l.variantId === g.variantId);
    if (i >= 0)
      lines[i] = { ...lines[i]!, quantity: Math.min(lines[i]!.quantity + g.quantity, MAX_LINE_QUANTITY) };
    else lines.push(g);
  }
  if (lines.length > MAX_CART_LINES)
    throw new UnprocessableError(
      `Together the carts have ${lines.length} lines; a cart holds at most ${MAX_CART_LINES}`,
      'cart_full',
    );
  const codes = [...target.codes, ...guest.codes.filter((g) => !target.codes.some((t) => t.code === g.code))];
  const email = target.email ?? guest.email;
  const address = target.shippingAddress ?? guest.shippingAddress;
  const option = target.shippingOptionId ?? guest.shippingOptionId;
  return {
    target: touched(
      {
        ...target,
        lines,
        codes: codes.slice(0, MAX_CART_CODES),
        ...(email ? { email } : {}),
        ...(address ? { shippingAddress: address } : {}),
        ...(option ? { shippingOptionId: option } : {}),
      },
      now,
    ),
    guest: touched({ ...guest, status: 'merged', mergedInto: target.id }, now),
  };
};
