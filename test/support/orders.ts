import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  addLine,
  newCart,
  setEmail,
  setShippingAddress,
  setShippingOption,
} from '#contexts/carts/domain/changes.ts';
import { priceAndShow } from '#contexts/carts/domain/pricing.ts';
import type { CatalogVariant, PricingSnapshot } from '#contexts/carts/domain/pricing-snapshot.ts';
import type { Cart, CartRecord } from '#contexts/carts/domain/schemas.ts';
import { notificationKeys } from '#contexts/notifications/data/keys.ts';
import { orderFromCart } from '#contexts/orders/domain/from-cart.ts';
import type { Order, OrderStatus } from '#contexts/orders/domain/schemas.ts';
import { hashOrderToken } from '#contexts/orders/domain/token.ts';
import type { Promotion } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { ShippingOption } from '#contexts/pricing/domain/shipping-schemas.ts';
import { DEFAULT_TAX_SETTINGS } from '#contexts/pricing/domain/tax-settings.ts';
import { cloud, useLocalDynamo } from './cloud.ts';

/** Two variants of one product, as a cart prices them. */
export const variants: CatalogVariant[] = ['a', 'b'].map((id, i) => ({
  id: `variant-${id}`,
  sku: `SKU-${id.toUpperCase()}`,
  title: `Size ${id}`,
  options: {},
  prices: { EUR: 1000 + i * 500 },
  productId: 'product-1',
  product: { title: 'Mug', slug: 'mug', status: 'active', categoryIds: [], taxClass: 'standard' },
}));

export const standardShipping: ShippingOption = {
  id: 'standard',
  name: 'Standard',
  countries: ['DE'],
  rate: { type: 'flat', amounts: { EUR: 495 } },
};

/** An automatic 10 % promotion, so an order snapshots an applied promotion and consumes its usage. */
export const tenPercent: Promotion = {
  id: 'promo-10',
  name: 'Ten percent',
  combinable: true,
  type: 'percentage',
  percentBps: 1000,
};

export const germanAddress = {
  name: 'Ada Lovelace',
  line1: 'Hauptstraße 1',
  line2: null,
  city: 'Berlin',
  postalCode: '10115',
  region: null,
  country: 'DE',
  phone: null,
};

export interface CartSpec {
  readonly customerId?: string;
  readonly email?: boolean;
  readonly lines?: number;
  readonly address?: boolean;
  readonly shipping?: ShippingOption | null;
  /** Units in stock per variant (a line asking more is out of stock and excluded). */
  readonly available?: number;
}

/** A cart priced by the real engine (`priceAndShow`), ready to check out unless the spec says otherwise. */
export const pricedCart = (spec: CartSpec = {}, now = new Date()): Cart => {
  let cart: CartRecord = newCart({
    currency: 'EUR',
    ...(spec.customerId ? { customerId: spec.customerId } : { tokenHash: 'cart-token-hash' }),
    now,
  });
  for (const variant of variants.slice(0, spec.lines ?? 2)) cart = addLine(cart, variant, 2, 1000, now);
  if (spec.email ?? true) cart = setEmail(cart, 'ada@example.com');
  if (spec.address ?? true) cart = setShippingAddress(cart, germanAddress);
  const shipping = spec.shipping === undefined ? standardShipping : spec.shipping;
  if (shipping) cart = setShippingOption(cart, shipping.id);
  const snapshot: PricingSnapshot = {
    variants: new Map(variants.map((v) => [v.id, v])),
    available: new Map(variants.map((v) => [v.id, spec.available ?? 10])),
    promotions: [tenPercent],
    usage: { [tenPercent.id]: { total: 0, customer: 0 } },
    shippingOption: shipping,
    tax: DEFAULT_TAX_SETTINGS,
    firstOrder: false,
    priceLists: [],
    offers: new Map(),
    customerGroupIds: [],
  };
  return priceAndShow(cart, snapshot, spec.customerId !== undefined, now).cart;
};

/** A new order as checkout makes it (through `orderFromCart`), then put in `status` when asked. */
export const sampleOrder = (
  spec: { customerId?: string; createdAt?: Date; status?: OrderStatus; token?: string } = {},
): Order => {
  const now = spec.createdAt ?? new Date();
  const order = orderFromCart(
    pricedCart(spec.customerId ? { customerId: spec.customerId } : {}, now),
    {
      orderId: randomUUID(),
      reservationId: randomUUID(),
      shippingName: standardShipping.name,
      ...(spec.customerId ? {} : { tokenHash: hashOrderToken(spec.token ?? 'order-token') }),
    },
    now,
  );
  const status = spec.status ?? 'pending_payment';
  if (status === 'pending_payment') return order;
  return { ...order, status, statusHistory: [...order.statusHistory, { status, at: order.createdAt }] };
};

let dynamo: ReturnType<typeof useLocalDynamo> | undefined;

/** The order confirmation's notification item (`queued`, then `sent`; the `OrderPlaced` consumer writes it), if any. */
export const queuedConfirmation = async (orderId: string) => {
  // One client for every poll (`eventually` calls this many times).
  dynamo ??= useLocalDynamo();
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: cloud().tableName,
      Key: notificationKeys.email(orderId, 'order-confirmation'),
      ConsistentRead: true,
    }),
  );
  return Item;
};
