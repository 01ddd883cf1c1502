// A sale as storefronts drive it, for the hot-key bench: N shoppers, each with a guest cart of one unit,
// checking out and paying through the local Stripe (every `declineEvery`-th card declined), and the
// checks that the sale came out right: orders placed and paid, stock sold as expected, declined orders'
// stock back.
import { randomUUID } from 'node:crypto';
import { MAX_SHARDS } from '#contexts/inventory/domain/schemas.ts';
import { type Check, stockSettles } from './flash-sale.ts';
import {
  admin,
  checkout,
  inBatches,
  must,
  type Placed,
  pay,
  readyGuestCart,
  type Shop,
  stockedVariants,
  untilStatus,
} from './shop.ts';

/** What a sale sells and how. */
export interface SaleSpec {
  readonly name: string;
  readonly orders: number;
  readonly variants: number;
  /** Stock shards per variant (1 = plain, MAX_SHARDS = the hottest SKU the shop allows). */
  readonly shards: number;
  /** Every n-th shopper pays with a card that is declined. */
  readonly declineEvery: number;
  /** Shoppers at a time. */
  readonly concurrency: number;
  /** Every cart enters the same promotion code (10 % off), as in a campaign. */
  readonly withCode?: boolean;
}

/**
 * The sales of the bench: one hot SKU at the most shards allowed, orders over 100 variants, and the
 * same with one campaign code on every cart (its redemption counter is one item).
 */
export const sales = (orders: number): SaleSpec[] => [
  { name: 'hot SKU', orders, variants: 1, shards: MAX_SHARDS, declineEvery: 20, concurrency: 4 },
  { name: 'spread', orders, variants: 100, shards: 1, declineEvery: 20, concurrency: 4 },
  {
    name: 'spread, one code',
    orders,
    variants: 100,
    shards: 1,
    declineEvery: 20,
    concurrency: 4,
    withCode: true,
  },
];

/** A new 10 % promotion with a fresh code. */
const campaign = async (shop: Shop) => {
  const code = `BENCH${randomUUID().slice(0, 8).toUpperCase()}`;
  const created = await admin(shop, 'POST', '/admin/promotions', {
    name: 'Bench campaign',
    type: 'percentage',
    percentBps: 1000,
    code,
    combinable: false,
  });
  return { id: String(created.id), code };
};

/**
 * Setup that a cold or overloaded local cloud may answer 5xx (a function's init timing out on a busy
 * machine): tried again. Only setup: the sale's own answers are counted, never retried.
 */
const patiently = async <T>(work: () => Promise<T>, tries = 8): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !/answered 5\d\d/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 3000 * attempt));
    }
  }
};

/** Plenty of units: no shard runs dry, so a reservation's shard is the random choice the design makes. */
const unitsPerVariant = (spec: SaleSpec) => Math.max(100, 10 * Math.ceil(spec.orders / spec.variants));

/** The stocked variants of a sale (stock settled, shards set). */
export const prepareSale = async (shop: Shop, spec: SaleSpec) => {
  const onHand = unitsPerVariant(spec);
  const { variantIds, shippingOptionId } = await patiently(() =>
    stockedVariants(shop, spec.variants, onHand),
  );
  if (spec.shards > 1)
    await inBatches(variantIds, 10, (v) =>
      patiently(() => admin(shop, 'PUT', `/admin/inventory/${v}`, { shards: spec.shards })),
    );
  for (const v of variantIds) {
    const seen = await patiently(() => stockSettles(shop, v, onHand, 0));
    const { shards } = await patiently(() => admin(shop, 'GET', `/admin/inventory/${v}`));
    if (seen.onHand !== onHand || shards !== spec.shards)
      throw new Error(
        `Variant ${v} shows ${seen.onHand} on hand in ${shards} shards, not ${onHand} in ${spec.shards}`,
      );
  }
  const promotion = spec.withCode ? await patiently(() => campaign(shop)) : undefined;
  return { spec, variantIds, shippingOptionId, onHand, promotion };
};
export type PreparedSale = Awaited<ReturnType<typeof prepareSale>>;

/** How one shopper's order ended. */
export interface Journey {
  readonly variantId: string;
  /** The guest cart, once created: its keys (and its order's) are the journey's own. */
  readonly cartId?: string;
  readonly declined: boolean;
  /** `paid`, `payment_failed`, or what went wrong. */
  readonly outcome: string;
  readonly placed?: Placed;
}

const isDecline = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'card_declined' ||
  (error as { raw?: { code?: unknown } } | null)?.raw?.code === 'card_declined';

/** One shopper: cart, checkout, pay (or be declined), until the order shows the payment's outcome. */
const shopper = async (shop: Shop, sale: PreparedSale, i: number): Promise<Journey> => {
  const variantId = sale.variantIds[i % sale.variantIds.length]!;
  const declined = i % sale.spec.declineEvery === sale.spec.declineEvery - 1;
  let placed: Placed | undefined;
  let cartId: string | undefined;
  const ended = (outcome: string): Journey => ({
    variantId,
    declined,
    outcome,
    ...(cartId ? { cartId } : {}),
    ...(placed ? { placed } : {}),
  });
  try {
    const cart = await readyGuestCart(shop, [{ variantId, quantity: 1 }], sale.shippingOptionId);
    cartId = cart.cartId;
    if (sale.promotion)
      await must(
        shop,
        'POST',
        `/carts/${cart.cartId}/promotions`,
        { code: sale.promotion.code },
        {
          'x-cart-token': cart.token,
        },
      );
    const answer = await checkout(shop, cart);
    if (answer.status !== 201) return ended(`checkout ${answer.status} ${String(answer.body.code ?? '')}`);
    placed = answer.body as unknown as Placed;
    if (declined) {
      const refused = await pay(shop, placed.payment, 'pm_card_chargeDeclined').then(
        () => false,
        (error: unknown) => isDecline(error),
      );
      if (!refused) return ended('declined card not refused');
      await untilStatus(shop, placed, 'payment_failed', 120_000);
      return ended('payment_failed');
    }
    await pay(shop, placed.payment);
    await untilStatus(shop, placed, 'paid', 120_000);
    return ended('paid');
  } catch (error) {
    return ended(error instanceof Error ? error.message : String(error));
  }
};

/** Runs the sale's shoppers, `concurrency` at a time. */
export const runSale = (shop: Shop, sale: PreparedSale) =>
  inBatches(
    Array.from({ length: sale.spec.orders }, (_, i) => i),
    sale.spec.concurrency,
    (i) => shopper(shop, sale, i),
  );

const check = (name: string, expected: number | string, seen: number | string): Check => ({
  check: name,
  expected: String(expected),
  seen: String(seen),
  passed: String(expected) === String(seen),
});

/** The sale's correctness: every order placed and settled as its card says, stock sold exactly, no 5xx. */
export const verifySale = async (
  shop: Shop,
  sale: PreparedSale,
  journeys: readonly Journey[],
  serverErrors: number,
) => {
  const declines = journeys.filter((j) => j.declined).length;
  const paidOf = (v: string) => journeys.filter((j) => j.variantId === v && j.outcome === 'paid').length;
  const wrong = journeys.filter((j) => j.outcome !== (j.declined ? 'payment_failed' : 'paid'));
  if (wrong.length > 0) console.error('journeys that went wrong:', wrong.slice(0, 5));
  let stockRight = 0;
  let sold = 0;
  let reserved = 0;
  for (const v of sale.variantIds) {
    const seen = await stockSettles(shop, v, sale.onHand - paidOf(v), 0);
    if (seen.onHand === sale.onHand - paidOf(v) && seen.reserved === 0) stockRight++;
    sold += sale.onHand - seen.onHand;
    reserved += seen.reserved;
  }
  const redemptions = sale.promotion
    ? [
        check(
          'code redeemed by paid orders (declined give it back)',
          sale.spec.orders - declines,
          Number(
            ((await admin(shop, 'GET', `/admin/promotions/${sale.promotion.id}`)).usage as { total?: number })
              ?.total,
          ),
        ),
      ]
    : [];
  return [
    ...redemptions,
    check('orders placed (201)', sale.spec.orders, journeys.filter((j) => j.placed).length),
    check('orders paid', sale.spec.orders - declines, journeys.filter((j) => j.outcome === 'paid').length),
    check(
      'declined → payment_failed',
      declines,
      journeys.filter((j) => j.outcome === 'payment_failed').length,
    ),
    check('5xx answers (API and Stripe)', 0, serverErrors),
    check('units sold = orders paid', sale.spec.orders - declines, sold),
    check('units still reserved (declined stock back)', 0, reserved),
    check('variants with exact stock', sale.variantIds.length, stockRight),
  ];
};

/**
 * Unmeasured orders before the sales, so every function of the journey (decline included) has its
 * instances started: on a busy machine a cold start may time out (an init over 10 s), which says nothing
 * about the shop. Rounds of growing size, one shopper first so one instance comes up without contention.
 * Answers how many journeys of each round ended as their card says.
 */
export const warmUp = async (shop: Shop, concurrency: number) => {
  // Up to twice the sale's shoppers: steps overlap unevenly, so the sale may need every instance a
  // function may have, and a cold start under load would stretch its orders.
  const rounds = [1, 1, Math.ceil(concurrency / 2), concurrency, 2 * concurrency, 2 * concurrency];
  const spec: SaleSpec = {
    name: 'warm-up',
    orders: rounds.reduce((a, b) => a + b),
    variants: 1,
    shards: 1,
    declineEvery: 2,
    concurrency: 2 * concurrency,
  };
  const sale = await prepareSale(shop, spec);
  const done: string[] = [];
  for (const shoppers of rounds) {
    const round = { ...sale, spec: { ...spec, orders: shoppers, concurrency: shoppers } };
    const journeys = await runSale(shop, round);
    const ok = journeys.filter((j) => j.outcome === (j.declined ? 'payment_failed' : 'paid')).length;
    done.push(`${ok}/${shoppers}`);
  }
  return done;
};
