import type { Cart, CartLine } from '#contexts/carts/domain/schemas.ts';
import { OutOfStockError } from '#contexts/inventory/domain/errors.ts';
import type { Shortfall } from '#contexts/inventory/domain/sourcing.ts';
import type { CheckoutBlocker } from '#contexts/pricing/domain/totals-schemas.ts';
import { ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import type { Order, OrderLine } from './schemas.ts';

/** What the checkout decides besides the cart: ids it made, and what the cart does not hold itself. */
export interface OrderRefs {
  readonly orderId: string;
  readonly reservationId: string;
  /** The shipping option's name as the store calls it now (the priced cart carries only its id). */
  readonly shippingName: string;
  /** SHA-256 of the new order token; required for a guest order (`hashOrderToken`). */
  readonly tokenHash?: string;
  /** The customer's e-mail from their token, used when a customer's cart has none. */
  readonly customerEmail?: string;
  /** The promotion usage counters the checkout transaction moves (`usageRefs`), to give back exactly. */
  readonly promotionUsage?: Order['promotionUsage'];
}

/** The 422 code for each blocker the pricing engine reports; both shipping blockers ask for a method. */
const blockerCodes: Record<CheckoutBlocker, string> = {
  empty_cart: 'empty_cart',
  excluded_lines: 'excluded_lines',
  no_shipping_option: 'shipping_method_required',
  shipping_unavailable: 'shipping_method_required',
};

const blockerDetail: Record<string, string> = {
  empty_cart: 'The cart has no lines',
  excluded_lines: 'Remove the archived or unavailable lines first',
  shipping_method_required: 'Choose a shipping method that serves the address',
  shipping_address_required: 'Set a shipping address first',
  email_required: 'The order needs an e-mail address for its confirmation: set one on the cart',
};

const refuse = (code: string) => new UnprocessableError(blockerDetail[code] ?? code, code);

/** The first reason, in the order a shopper fixes them, that the cart cannot become an order. */
const refusal = (cart: Cart, email: string | undefined): string | undefined => {
  const codes = new Set(cart.checkoutBlockers.map((b) => blockerCodes[b]));
  if (cart.lines.length === 0) codes.add('empty_cart');
  if (cart.lines.some((l) => l.excluded || l.unitPrice === null)) codes.add('excluded_lines');
  if (cart.shipping?.status !== 'ok') codes.add('shipping_method_required');
  if (!cart.shippingAddress) codes.add('shipping_address_required');
  // A customer's e-mail may come from the cart, the token or the profile; without any, no confirmation.
  if (!email) codes.add('email_required');
  return Object.keys(blockerDetail).find((code) => codes.has(code));
};

/**
 * When every excluded line is excluded for stock alone (nothing archived or unavailable), the shortfall
 * as the reservation would report it: a sold-out cart answers 409 `out_of_stock` whether the stock
 * summary or the reservation noticed first.
 */
const soldOutLines = (cart: Cart): Shortfall[] | undefined => {
  const excluded = cart.lines.filter((l) => l.excluded || l.unitPrice === null);
  const stockOnly = excluded.every(
    (l) => l.flags.length > 0 && l.flags.every((f) => f === 'out_of_stock' || f === 'price_changed'),
  );
  if (excluded.length === 0 || !stockOnly) return undefined;
  return excluded.map((l) => ({ variantId: l.variantId, requested: l.quantity, available: l.available }));
};

const lineOf = (line: CartLine): OrderLine => ({
  id: line.id,
  variantId: line.variantId,
  productId: line.productId,
  sku: line.sku,
  title: line.title,
  productTitle: line.productTitle,
  quantity: line.quantity,
  // Checked by `refusal`: an excluded line has no price and never reaches here.
  unitPrice: line.unitPrice ?? 0,
  ...(line.priceListId === undefined ? {} : { priceListId: line.priceListId }),
  subtotal: line.subtotal,
  discounts: line.discounts,
  discountTotal: line.discountTotal,
  taxClass: line.taxClass,
  taxRatePpm: line.taxRatePpm,
  tax: line.tax,
  total: line.total,
});

/**
 * The order a priced cart becomes: a snapshot of its figures as the server priced them (never
 * recomputed), `pending_payment`. Refuses with 409 a cart that is not open and with 422 (stable codes:
 * `empty_cart`, `excluded_lines`, `shipping_method_required`, `shipping_address_required`,
 * `email_required`) one that cannot be paid for as it is. Pure: no clock, no I/O.
 */
export const orderFromCart = (cart: Cart, refs: OrderRefs, now: Date): Order => {
  if (cart.status === 'checked_out')
    throw new ConflictError('The cart is already checked out', 'cart_checked_out');
  if (cart.status === 'merged') throw new ConflictError('The cart was merged into another', 'cart_merged');
  const email = cart.email ?? refs.customerEmail ?? undefined;
  const code = refusal(cart, email);
  if (code === 'excluded_lines') {
    const soldOut = soldOutLines(cart);
    if (soldOut) throw new OutOfStockError(soldOut);
  }
  if (code) throw refuse(code);
  if (!cart.customerId && !refs.tokenHash) throw new Error('A guest order needs its token hash');
  const { status: _ok, ...shipping } = cart.shipping as Extract<Cart['shipping'], { status: 'ok' }>;
  const at = now.toISOString();
  return {
    id: refs.orderId,
    status: 'pending_payment',
    statusHistory: [{ status: 'pending_payment', at }],
    cartId: cart.id,
    customerId: cart.customerId,
    email: email ?? null,
    currency: cart.currency,
    channelId: cart.channelId,
    pricesIncludeTax: cart.pricesIncludeTax,
    lines: cart.lines.map(lineOf),
    promotions: cart.promotions.applied,
    promotionIds: [...new Set(cart.promotions.applied.map((p) => p.promotionId))],
    promotionUsage: [...(refs.promotionUsage ?? [])],
    shipping: { ...shipping, name: refs.shippingName },
    shippingAddress: cart.shippingAddress!,
    totals: cart.totals,
    payment: { provider: 'stripe' },
    reservationId: refs.reservationId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(cart.customerId ? {} : { tokenHash: refs.tokenHash! }),
  };
};
