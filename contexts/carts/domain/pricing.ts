import type { PricingInput } from '#contexts/pricing/domain/cart-schemas.ts';
import { lineFromCatalog } from '#contexts/pricing/domain/catalog-line.ts';
import { priceCart } from '#contexts/pricing/domain/price-cart.ts';
import { applicablePriceLists } from '#contexts/pricing/domain/price-lists.ts';
import { stateCode } from '#contexts/pricing/domain/tax-schemas.ts';
import { engineTaxSettings } from '#contexts/pricing/domain/tax-settings.ts';
import type { CartTotals } from '#contexts/pricing/domain/totals-schemas.ts';
import type { PricingSnapshot } from './pricing-snapshot.ts';
import type { Cart, CartRecord, ShippingAddress } from './schemas.ts';

/** Where tax and shipping are worked out: the shipping address, else the store's home destination. */
const destinationOf = (address: ShippingAddress | undefined, snapshot: PricingSnapshot) => {
  if (!address) return snapshot.tax.defaultDestination;
  // A region that is a subdivision code ("CA") selects a state's rates; free text ("Bavaria") does not.
  const state = address.region && stateCode.safeParse(address.region).success ? address.region : undefined;
  return { country: address.country, ...(state ? { state } : {}) };
};

/**
 * The engine's input for a cart: each line priced from the catalog and the price lists that apply to the
 * cart's channel and customer now, flagged out of stock when fewer units are available than it asks for
 * (a variant without tracked stock has none to sell).
 */
export const pricingInputFor = (
  cart: CartRecord,
  snapshot: PricingSnapshot,
  signedIn: boolean,
  now: Date,
): PricingInput => {
  // A guest has no groups, whatever a profile would say: group prices need the customer signed in.
  const customerGroupIds = signedIn ? snapshot.customerGroupIds : [];
  const applicable = applicablePriceLists(snapshot.priceLists, {
    nowMs: now.getTime(),
    channelId: cart.channelId,
    customerGroupIds,
  });
  return {
    currency: cart.currency,
    lines: cart.lines.map((line) => {
      const v = snapshot.variants.get(line.variantId);
      // A variant that no longer exists prices like a draft: flagged `unavailable`, never silently dropped.
      const product = v
        ? { id: v.productId, ...v.product, variants: [v] }
        : { id: line.productId, status: 'draft' as const, categoryIds: [], variants: [] };
      const ref = {
        variantId: line.variantId,
        quantity: line.quantity,
        ...(line.unitPriceWhenAdded === undefined ? {} : { previousUnitPrice: line.unitPriceWhenAdded }),
      };
      const outOfStock = (snapshot.available.get(line.variantId) ?? 0) < line.quantity;
      const offers = { offers: snapshot.offers.get(line.variantId) ?? [], applicable };
      return lineFromCatalog(ref, product, cart.currency, now, outOfStock, offers);
    }),
    destination: destinationOf(cart.shippingAddress, snapshot),
    shippingOption: snapshot.shippingOption,
    promotions: [...snapshot.promotions],
    codes: cart.codes.map((c) => c.code),
    customer: {
      signedIn,
      firstOrder: signedIn && snapshot.firstOrder,
      ...(customerGroupIds.length > 0 ? { groupIds: [...customerGroupIds] } : {}),
    },
    usage: { ...snapshot.usage },
    tax: engineTaxSettings(snapshot.tax),
    now: now.toISOString(),
  };
};

/** The cart as the API shows it: stored choices beside the engine's figures for them. */
export const cartView = (cart: CartRecord, totals: CartTotals, snapshot: PricingSnapshot): Cart => ({
  id: cart.id,
  status: cart.status,
  currency: cart.currency,
  channelId: cart.channelId,
  customerId: cart.customerId ?? null,
  email: cart.email ?? null,
  shippingAddress: cart.shippingAddress ?? null,
  shippingOptionId: cart.shippingOptionId ?? null,
  promotionCodes: cart.codes.map((c) => c.code),
  lines: cart.lines.map((line, i) => {
    const priced = totals.lines[i]!;
    const v = snapshot.variants.get(line.variantId);
    return {
      ...priced,
      id: line.id,
      sku: v?.sku ?? null,
      title: v?.title ?? null,
      productTitle: v?.product.title ?? null,
      available: snapshot.available.get(line.variantId) ?? 0,
    };
  }),
  shipping: totals.shipping,
  promotions: totals.promotions,
  totals: {
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    shippingTotal: totals.shippingTotal,
    taxTotal: totals.taxTotal,
    grandTotal: totals.grandTotal,
  },
  pricesIncludeTax: totals.pricesIncludeTax,
  checkoutBlockers: totals.checkoutBlockers,
  mergedInto: cart.mergedInto ?? null,
  version: cart.version,
  createdAt: cart.createdAt,
  updatedAt: cart.updatedAt,
  expiresAt: new Date(cart.expiresAt * 1000).toISOString(),
});

/**
 * The cart with a variant's line remembering the unit price it is priced at now: a price list's when one
 * applies, so a line just added is never flagged `price_changed` (pure).
 */
export const stampPriceWhenAdded = (
  cart: CartRecord,
  variantId: string,
  snapshot: PricingSnapshot,
  now: Date,
): CartRecord => {
  const input = pricingInputFor(cart, snapshot, cart.customerId !== undefined, now);
  return {
    ...cart,
    lines: cart.lines.map((line, i) => {
      const unitPrice = input.lines[i]?.unitPrice;
      return line.variantId === variantId && typeof unitPrice === 'number'
        ? { ...line, unitPriceWhenAdded: unitPrice }
        : line;
    }),
  };
};

/** Prices a cart with its snapshot and shapes the answer (pure). */
export const priceAndShow = (
  cart: CartRecord,
  snapshot: PricingSnapshot,
  signedIn: boolean,
  now: Date,
): { cart: Cart; totals: CartTotals } => {
  const totals = priceCart(pricingInputFor(cart, snapshot, signedIn, now));
  return { cart: cartView(cart, totals, snapshot), totals };
};
