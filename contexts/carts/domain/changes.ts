import { randomUUID } from 'node:crypto';
import { effectivePrice } from '#contexts/catalog/domain/pricing.ts';
import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '#contexts/pricing/domain/cart-schemas.ts';
import { optionsFor } from '#contexts/pricing/domain/shipping-options.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '#platform/errors/index.ts';
import type { CatalogVariant } from './pricing-snapshot.ts';
import { type CartCode, type CartRecord, MAX_CART_CODES, type ShippingAddress } from './schemas.ts';

/** How long an untouched cart lives: a week for a guest, a month for a customer (refreshed on change). */
export const CART_TTL_DAYS = { guest: 7, customer: 30 } as const;
const DAY_SECONDS = 24 * 60 * 60;

const expiry = (customerId: string | undefined, now: Date) =>
  Math.floor(now.getTime() / 1000) +
  (customerId ? CART_TTL_DAYS.customer : CART_TTL_DAYS.guest) * DAY_SECONDS;

/** A new empty cart, owned by a customer or by whoever holds the token whose hash is given. */
export const newCart = (fields: {
  currency: CurrencyCode;
  /** The channel the cart is started in; the default channel when absent. */
  channelId?: string;
  customerId?: string;
  tokenHash?: string;
  email?: string;
  now: Date;
}): CartRecord => {
  const at = fields.now.toISOString();
  return {
    id: randomUUID(),
    status: 'open',
    currency: fields.currency,
    channelId: fields.channelId ?? DEFAULT_CHANNEL_ID,
    ...(fields.customerId ? { customerId: fields.customerId } : { tokenHash: fields.tokenHash }),
    ...(fields.email ? { email: fields.email } : {}),
    codes: [],
    lines: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    expiresAt: expiry(fields.customerId, fields.now),
  };
};

/** Refuses a change to a cart that is no longer open: it became an order or was merged into another. */
export const assertOpen = (cart: CartRecord): void => {
  if (cart.status === 'checked_out')
    throw new ConflictError(
      `Cart ${cart.id} has been checked out and can no longer change`,
      'cart_checked_out',
    );
  if (cart.status === 'merged')
    throw new ConflictError(`Cart ${cart.id} was merged into cart ${cart.mergedInto}`, 'cart_merged');
};

/**
 * The next version of a cart: counted, stamped, its lifetime refreshed and its abandonment cleared. A
 * reported cart's marker is spent, so a change to it arms a new one (a new idle spell).
 */
export const touched = (cart: CartRecord, now: Date): CartRecord => {
  const { abandonedAt, armedAt, ...rest } = cart;
  return {
    ...rest,
    ...(armedAt && !abandonedAt ? { armedAt } : {}),
    version: cart.version + 1,
    updatedAt: now.toISOString(),
    expiresAt: expiry(cart.customerId, now),
  };
};

/**
 * The unit price a variant sells at in a currency now, or the reason it cannot be added: an unknown or
 * draft variant is 404 (as if it did not exist), an archived one or one without a price here is 422.
 */
export const addablePrice = (
  variant: CatalogVariant | undefined,
  currency: CurrencyCode,
  now: Date,
): number => {
  if (!variant || variant.product.status === 'draft')
    throw new NotFoundError('The variant does not exist', 'variant_not_found');
  if (variant.product.status === 'archived')
    throw new UnprocessableError(`Variant ${variant.id} is no longer sold`, 'variant_unavailable');
  const price = effectivePrice(variant, currency, now);
  if (!price)
    throw new UnprocessableError(`Variant ${variant.id} has no price in ${currency}`, 'currency_not_priced');
  return price.amount;
};

const tooMany = (quantity: number) =>
  new ValidationError(`A line holds at most ${MAX_LINE_QUANTITY} units`, [
    { path: 'body.quantity', message: `${quantity} is more than ${MAX_LINE_QUANTITY}` },
  ]);

/** Adds units of a variant: to its line when it has one (at today's price), else as a new line. */
export const addLine = (
  cart: CartRecord,
  variant: CatalogVariant,
  quantity: number,
  unitPrice: number,
  now: Date,
): CartRecord => {
  const existing = cart.lines.find((l) => l.variantId === variant.id);
  if (existing) {
    const total = existing.quantity + quantity;
    if (total > MAX_LINE_QUANTITY) throw tooMany(total);
    const line = { ...existing, quantity: total, unitPriceWhenAdded: unitPrice };
    return { ...cart, lines: cart.lines.map((l) => (l === existing ? line : l)) };
  }
  if (cart.lines.length >= MAX_CART_LINES)
    throw new UnprocessableError(`A cart holds at most ${MAX_CART_LINES} lines`, 'cart_full');
  const line = {
    id: randomUUID().slice(0, 12),
    variantId: variant.id,
    productId: variant.productId,
    quantity,
    unitPriceWhenAdded: unitPrice,
    addedAt: now.toISOString(),
  };
  return { ...cart, lines: [...cart.lines, line] };
};

const lineIndex = (cart: CartRecord, lineId: string): number => {
  const i = cart.lines.findIndex((l) => l.id === lineId);
  if (i < 0) throw new NotFoundError(`Cart ${cart.id} has no line ${lineId}`, 'line_not_found');
  return i;
};

/** Sets a line's quantity (its price when added stays: a later price change stays flagged). */
export const setQuantity = (cart: CartRecord, lineId: string, quantity: number): CartRecord => {
  const i = lineIndex(cart, lineId);
  return { ...cart, lines: cart.lines.map((l, j) => (j === i ? { ...l, quantity } : l)) };
};

/** Removes a line. */
export const removeLine = (cart: CartRecord, lineId: string): CartRecord => {
  const i = lineIndex(cart, lineId);
  return { ...cart, lines: cart.lines.filter((_, j) => j !== i) };
};

/** Sets the e-mail (a guest's contact for the order and, once idle, for the abandoned-cart event). */
export const setEmail = (cart: CartRecord, email: string): CartRecord => ({ ...cart, email });

/** Sets the shipping address; the chosen option stays and is re-quoted for the new destination. */
export const setShippingAddress = (cart: CartRecord, address: ShippingAddress): CartRecord => ({
  ...cart,
  shippingAddress: address,
});

/** Chooses a shipping option. */
export const setShippingOption = (cart: CartRecord, optionId: string): CartRecord => ({
  ...cart,
  shippingOptionId: optionId,
});

/** Chooses an existing shipping option, which must serve the cart's address in the cart's currency. */
export const chooseShippingOption = (cart: CartRecord, option: ShippingOption): CartRecord => {
  if (!cart.shippingAddress)
    throw new UnprocessableError(
      'Set a shipping address before choosing how to ship',
      'shipping_address_required',
    );
  if (optionsFor([option], cart.shippingAddress.country, cart.currency).length === 0)
    throw new UnprocessableError(
      `Option ${option.id} does not ship to ${cart.shippingAddress.country} in ${cart.currency}`,
      'shipping_option_unavailable',
    );
  return setShippingOption(cart, option.id);
};

/** Enters a code (entering it again changes nothing). */
export const addCode = (cart: CartRecord, code: CartCode): CartRecord => {
  if (cart.codes.some((c) => c.code === code.code)) return cart;
  if (cart.codes.length >= MAX_CART_CODES)
    throw new UnprocessableError(`A cart holds at most ${MAX_CART_CODES} codes`, 'too_many_codes');
  return { ...cart, codes: [...cart.codes, code] };
};

/** Removes an entered code. */
export const removeCode = (cart: CartRecord, code: string): CartRecord => {
  if (!cart.codes.some((c) => c.code === code))
    throw new NotFoundError(`Code ${code} is not in cart ${cart.id}`, 'promotion_code_not_in_cart');
  return { ...cart, codes: cart.codes.filter((c) => c.code !== code) };
};
