import { z } from 'zod';
import { currencyCode, minorUnits } from '#contexts/catalog/domain/schemas.ts';
import { DEFAULT_CHANNEL_ID } from '#contexts/channels/domain/schemas.ts';
import { postalAddressFields, storedPostalAddressFields } from '#contexts/customers/domain/schemas.ts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '#contexts/pricing/domain/cart-schemas.ts';
import { promotionCode, promotionId } from '#contexts/pricing/domain/promotion-schemas.ts';
import {
  appliedPromotionSchema,
  checkoutBlocker,
  pricedLineSchema,
  pricedShippingSchema,
  rejectedPromotionSchema,
} from '#contexts/pricing/domain/totals-schemas.ts';
import { amountSchema } from '#platform/money/schema.ts';

/** Most promotion codes one cart holds at once. */
export const MAX_CART_CODES = 5;

export const cartId = z.uuid();
const entityId = z.string().min(1).max(64);
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** Open carts change; a checked-out cart became an order, a merged one was claimed into another cart. */
export const cartStatus = z.enum(['open', 'checked_out', 'merged']);
export type CartStatus = z.infer<typeof cartStatus>;

// ---------------------------------------------------------------------------------------------------
// Requests

export const cartPath = z.strictObject({ cartId });
export const cartLinePath = z.strictObject({ cartId, lineId: z.string().min(1).max(64) });

/** POST /carts body. */
export const createCartInput = z.strictObject({
  currency: currencyCode,
  email: z.email().max(254).optional(),
});

/** POST /carts/{cartId}/items body: adding a variant already in the cart adds to its line. */
export const addItemInput = z.strictObject({ variantId: entityId, quantity });

/** PATCH /carts/{cartId}/items/{lineId} body: the line's new quantity (remove a line with DELETE). */
export const updateItemInput = z.strictObject({ quantity });

/** PUT /carts/{cartId}/email body. */
export const cartEmailInput = z.strictObject({ email: z.email().max(254) });

const shippingAddress = (fields: typeof postalAddressFields) =>
  z.strictObject({
    ...fields,
    line2: fields.line2.default(null),
    postalCode: fields.postalCode.default(null),
    region: fields.region.default(null),
    phone: fields.phone.default(null),
  });

/** PUT /carts/{cartId}/shipping-address body; `region` holding a state code (`CA`) selects US state tax. */
export const shippingAddressInput = shippingAddress(postalAddressFields);

/** The shipping address as a cart stores and answers it and an order keeps it (no text check: see customers). */
export const shippingAddressSchema = shippingAddress(storedPostalAddressFields);
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/** PUT /carts/{cartId}/shipping-method body. */
export const shippingMethodInput = z.strictObject({ optionId: entityId });

/** POST and DELETE /carts/{cartId}/promotions body. */
export const promotionCodeInput = z.strictObject({ code: promotionCode });

// ---------------------------------------------------------------------------------------------------
// Stored

/** A line as stored: what the shopper chose, and the unit price when they added it. */
export const cartLineRecord = z.object({
  id: z.string().max(64),
  variantId: entityId,
  productId: entityId,
  quantity,
  /** The unit price shown when the line was added; a different current price flags it `price_changed`. */
  unitPriceWhenAdded: minorUnits.optional(),
  addedAt: z.iso.datetime(),
});
export type CartLineRecord = z.infer<typeof cartLineRecord>;

/** An entered code and the promotion it named when entered (codes never move to another promotion). */
export const cartCode = z.object({ code: promotionCode, promotionId });
export type CartCode = z.infer<typeof cartCode>;

/** The sales channel a cart was started in (docs/channels.md); carts from before channels are the default's. */
export const cartChannelId = z.string().min(1).max(40).default(DEFAULT_CHANNEL_ID);

/** A cart as stored (one item; see docs/cart.md). */
export const cartRecord = z.object({
  id: cartId,
  status: cartStatus,
  currency: currencyCode,
  /** Price lists and sourcing read it: the channel's currencies, products and stock locations apply. */
  channelId: cartChannelId,
  /** The owner when a customer created or claimed it; absent for a guest cart. */
  customerId: z.string().max(128).optional(),
  /** SHA-256 of a guest cart's token (the token itself is only ever in the creation response). */
  tokenHash: z.string().max(64).optional(),
  email: z.string().max(254).optional(),
  shippingAddress: shippingAddressSchema.optional(),
  shippingOptionId: entityId.optional(),
  codes: z.array(cartCode).max(MAX_CART_CODES),
  lines: z.array(cartLineRecord).max(MAX_CART_LINES),
  mergedInto: cartId.optional(),
  /** The order a checked-out cart became. */
  orderId: z.string().max(64).optional(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Epoch seconds: DynamoDB's TTL attribute; reads treat a cart past it as gone. */
  expiresAt: z.number().int(),
  /** When the abandoned-cart sweep reported it; any change clears it. */
  abandonedAt: z.iso.datetime().optional(),
  /**
   * When the idle marker of the current idle spell was written (see domain/idle.ts). Absent on a cart
   * that is not abandonable, was just reported, or was stored before markers: its next save writes one.
   */
  armedAt: z.iso.datetime().optional(),
});
export type CartRecord = z.infer<typeof cartRecord>;

// ---------------------------------------------------------------------------------------------------
// Responses

/** A priced line: the engine's figures plus what the shopper sees of the variant and its stock now. */
export const cartLineSchema = pricedLineSchema.extend({
  id: z.string().max(64),
  sku: z.string().max(64).nullable(),
  title: z.string().max(200).nullable(),
  productTitle: z.string().max(200).nullable(),
  /** Units available to buy now at the cart channel’s locations (no reservation is made before checkout). */
  available: z.number().int().nonnegative(),
});
export type CartLine = z.infer<typeof cartLineSchema>;

export const cartTotalsSummary = z.object({
  subtotal: amountSchema,
  discountTotal: amountSchema,
  shippingTotal: amountSchema,
  taxTotal: amountSchema,
  grandTotal: amountSchema,
});

/** A cart as every cart route answers: repriced from current data on each read and change. */
export const cartSchema = z
  .object({
    id: cartId,
    status: cartStatus,
    currency: currencyCode,
    channelId: z.string().max(40).meta({ description: 'The sales channel the cart was started in' }),
    customerId: z.string().max(128).nullable(),
    email: z.string().max(254).nullable(),
    shippingAddress: shippingAddressSchema.nullable(),
    shippingOptionId: z.string().max(64).nullable(),
    promotionCodes: z.array(promotionCode).max(MAX_CART_CODES),
    lines: z.array(cartLineSchema).max(MAX_CART_LINES),
    shipping: pricedShippingSchema.nullable(),
    promotions: z.object({
      applied: z.array(appliedPromotionSchema),
      rejected: z.array(rejectedPromotionSchema),
    }),
    totals: cartTotalsSummary,
    pricesIncludeTax: z.boolean(),
    checkoutBlockers: z.array(checkoutBlocker),
    mergedInto: cartId.nullable(),
    version: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof cartSchema>;

/** POST /carts answer: the cart plus, for a guest, the token that proves ownership (shown once). */
export const createdCartSchema = cartSchema.extend({
  token: z
    .string()
    .max(64)
    .nullable()
    .meta({ description: 'Send as `X-Cart-Token` on every call for this cart; null for a customer cart' }),
});
