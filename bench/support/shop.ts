// A storefront's and an admin's calls for the checkout benches (the same steps as test/support/checkout.ts,
// without vitest): a stocked product, a ready cart, checkout, paying like Stripe.js, reading the order.
import { randomUUID } from 'node:crypto';
import { confirmLikeStripeJs, localStripeClient } from '../../test/support/payments.ts';

/** An API answer: status, headers and parsed JSON (undefined for an empty body). */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  /** Milliseconds from sending to the whole body read. */
  readonly ms: number;
}

/** The local cloud as the benches call it. */
export interface Shop {
  readonly api: string;
  readonly adminToken: string;
  readonly stripe: { readonly apiUrl: string; readonly publishableKey: string };
}

/** One JSON request to the API; never throws on a status (callers decide what an answer means). */
export const send = async (
  shop: Shop,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const t0 = performance.now();
  const res = await fetch(`${shop.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: res.status, headers: res.headers, body: parsed, ms: performance.now() - t0 };
};

/** A request that must answer 2xx: the setup of a bench, not what it measures. */
export const must = async (
  shop: Shop,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await send(shop, method, path, body, headers);
  if (res.status >= 300)
    throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

const asAdmin = (shop: Shop) => ({ authorization: `Bearer ${shop.adminToken}` });

/** An admin request that must succeed. */
export const admin = (shop: Shop, method: string, path: string, body?: unknown) =>
  must(shop, method, path, body, asAdmin(shop));

// A product has at most 40 variants; 8 sizes × 5 colours stay under the 30 values an option may have.
const PER_PRODUCT = 40;

/** One published product of `count` (≤ 40) variants priced in EUR; answers their ids in SKU order. */
const publishedProduct = async (shop: Shop, tag: string, count: number, priceEur: number) => {
  const combos = Array.from({ length: count }, (_, i) => ({
    size: `s${i % 8}`,
    colour: `c${Math.floor(i / 8)}`,
  }));
  const product = await admin(shop, 'POST', '/admin/products', {
    slug: `bench-checkout-${tag}`,
    title: `Bench checkout ${tag}`,
    description: 'Bench',
    categoryIds: [],
    options: [
      { name: 'size', values: [...new Set(combos.map((c) => c.size))] },
      { name: 'colour', values: [...new Set(combos.map((c) => c.colour))] },
    ],
    variants: combos.map((options, i) => ({
      sku: `BC-${tag}-${String(i).padStart(3, '0')}`.toUpperCase(),
      title: `${options.size} ${options.colour}`,
      options,
      prices: { EUR: priceEur + i },
    })),
  });
  await admin(shop, 'POST', `/admin/products/${product.id}/publish`, { version: 1 });
  return (product.variants as { id: string; sku: string }[])
    .sort((a, b) => a.sku.localeCompare(b.sku))
    .map((v) => v.id);
};

/**
 * `count` published variants (products of up to 40), each with `onHand` units at a new warehouse, and
 * a flat-rate shipping option to Germany. Answers their ids, the shipping option and the warehouse.
 */
export const stockedVariants = async (shop: Shop, count: number, onHand: number, priceEur = 1000) => {
  const tag = randomUUID().slice(0, 8);
  const location = `bench-${tag}`;
  await admin(shop, 'POST', '/admin/stock-locations', {
    id: location,
    name: location,
    kind: 'warehouse',
    priority: 1,
  });
  const variantIds: string[] = [];
  for (let p = 0; p * PER_PRODUCT < count; p++)
    variantIds.push(
      ...(await publishedProduct(
        shop,
        `${tag}-${p}`,
        Math.min(PER_PRODUCT, count - p * PER_PRODUCT),
        priceEur,
      )),
    );
  await inBatches(variantIds, 10, (v) =>
    admin(shop, 'PUT', `/admin/inventory/${v}`, { levels: [{ locationId: location, onHand }] }),
  );
  const shipping = `bench-${tag}`;
  await admin(shop, 'POST', '/admin/shipping-options', {
    id: shipping,
    name: 'Parcel DE',
    countries: ['DE'],
    rate: { type: 'flat', amounts: { EUR: 500 } },
  });
  return { variantIds, shippingOptionId: shipping, locationId: location };
};

/** Runs `work` over `items` with at most `limit` at a time; answers in the items' order. */
export const inBatches = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
};

/** A guest cart's id and the token that proves it. */
export interface GuestCart {
  readonly cartId: string;
  readonly token: string;
}

/** The storefront calls that make a guest cart ready to check out: 4 + one per line. */
/** Where every bench shopper ships to. */
export const SHOPPER_ADDRESS = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postalCode: '51147',
  country: 'DE',
} as const;

export const readyGuestCart = async (
  shop: Shop,
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
  shippingOptionId: string,
): Promise<GuestCart> => {
  const created = await must(shop, 'POST', '/carts', { currency: 'EUR' });
  const cart = { cartId: created.id as string, token: created.token as string };
  const owner = { 'x-cart-token': cart.token };
  for (const line of lines) await must(shop, 'POST', `/carts/${cart.cartId}/items`, line, owner);
  // One address per cart: checkout holds at most 3 unpaid orders per e-mail.
  const email = `shopper-${randomUUID().slice(0, 8)}@example.com`;
  await must(shop, 'PUT', `/carts/${cart.cartId}/email`, { email }, owner);
  await must(shop, 'PUT', `/carts/${cart.cartId}/shipping-address`, SHOPPER_ADDRESS, owner);
  await must(shop, 'PUT', `/carts/${cart.cartId}/shipping-method`, { optionId: shippingOptionId }, owner);
  return cart;
};

/** What a placed checkout answers (the fields the benches use). */
export interface Placed {
  readonly orderId: string;
  readonly orderToken: string;
  readonly payment: { paymentIntentId: string; clientSecret: string; publishableKey: string };
}

/** `POST /carts/{id}/checkout` as a guest, with a fresh Idempotency-Key. */
export const checkout = (shop: Shop, cart: GuestCart) =>
  send(shop, 'POST', `/carts/${cart.cartId}/checkout`, undefined, {
    'x-cart-token': cart.token,
    'idempotency-key': randomUUID(),
  });

/** Confirms the PaymentIntent as Stripe.js does in the browser: publishable key and client secret. */
export const pay = (shop: Shop, payment: Placed['payment'], method = 'pm_card_visa') =>
  confirmLikeStripeJs(
    localStripeClient(payment.publishableKey, shop.stripe.apiUrl),
    payment.paymentIntentId,
    payment.clientSecret,
    method,
  );

/** The order's status as its guest reads it (`X-Order-Token`). */
export const orderStatus = async (shop: Shop, placed: Placed) => {
  const res = await send(shop, 'GET', `/orders/${placed.orderId}`, undefined, {
    'x-order-token': placed.orderToken,
  });
  return res.status === 200 ? String(res.body.status) : `http_${res.status}`;
};

/** Polls the order until it is `status` (the saga completes after the webhook). */
export const untilStatus = async (shop: Shop, placed: Placed, status: string, timeoutMs = 60_000) => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const now = await orderStatus(shop, placed);
    if (now === status) return;
    if (performance.now() > deadline) throw new Error(`Order ${placed.orderId} is ${now}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
