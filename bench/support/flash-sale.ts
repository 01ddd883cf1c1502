// The flash sale: one variant of 100 units, 1,000 guest carts of one unit each checking out at once.
// Exactly 100 must be placed and paid, the rest refused as 409 out_of_stock, none a 5xx, and the stock
// must end at 0 on hand and 0 reserved.
import {
  type Answer,
  admin,
  checkout,
  inBatches,
  type Placed,
  pay,
  readyGuestCart,
  type Shop,
  stockedVariants,
  untilStatus,
} from './shop.ts';

/** One named pass/fail check with what was seen. */
export interface Check {
  readonly check: string;
  readonly expected: string;
  readonly seen: string;
  readonly passed: boolean;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Polls the admin stock view until it shows `onHand`/`reserved` (the summary is stream-fed) or time runs out. */
export const stockSettles = async (shop: Shop, variantId: string, onHand: number, reserved: number) => {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const stock = await admin(shop, 'GET', `/admin/inventory/${variantId}`);
    const seen = {
      onHand: Number(stock.onHand),
      reserved: Number(stock.reserved),
      available: Number(stock.available),
    };
    if ((seen.onHand === onHand && seen.reserved === reserved) || performance.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** Runs the flash sale and answers its figures and checks. */
export const flashSale = async (shop: Shop, carts = 1000, units = 100) => {
  const { variantIds, shippingOptionId } = await stockedVariants(shop, 1, units);
  const variantId = variantIds[0] as string;
  await stockSettles(shop, variantId, units, 0);

  const prepStarted = performance.now();
  const ready = await inBatches(Array.from({ length: carts }), 16, () =>
    readyGuestCart(shop, [{ variantId, quantity: 1 }], shippingOptionId),
  );
  const prepSeconds = (performance.now() - prepStarted) / 1000;

  const fired = performance.now();
  const answers: Answer[] = await Promise.all(ready.map((cart) => checkout(shop, cart)));
  const wallSeconds = (performance.now() - fired) / 1000;

  const placed = answers.filter((a) => a.status === 201).map((a) => a.body as unknown as Placed);
  // Sold out is 409 out_of_stock whether the placing transaction's stock condition failed or the
  // stream-fed stock summary already showed none (the cart then excludes the line before any hold).
  const outOfStock = answers.filter((a) => a.status === 409 && a.body.code === 'out_of_stock').length;
  const serverErrors = answers.filter((a) => a.status >= 500).length;
  const others = new Map<string, number>();
  for (const a of answers)
    if (a.status !== 201 && `${a.status} ${a.body.code}` !== '409 out_of_stock') {
      const key = `${a.status} ${String(a.body.code ?? '')}`;
      others.set(key, (others.get(key) ?? 0) + 1);
    }
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);

  const payStarted = performance.now();
  let paid = 0;
  const payFailures: string[] = [];
  await inBatches(placed, 20, async (order) => {
    try {
      await pay(shop, order.payment);
      await untilStatus(shop, order, 'paid', 120_000);
      paid++;
    } catch (error) {
      payFailures.push(error instanceof Error ? error.message : String(error));
    }
  });
  if (payFailures.length > 0) console.error('payment failures:', payFailures.slice(0, 5));
  const paidSeconds = (performance.now() - payStarted) / 1000;
  const stock = await stockSettles(shop, variantId, 0, 0);

  const figures = {
    carts,
    units,
    'cart prep s (not timed)': prepSeconds.toFixed(1),
    '201 placed': placed.length,
    '409 out_of_stock': outOfStock,
    other: [...others].map(([k, n]) => `${k}×${n}`).join(', ') || '0',
    'p50 ms': percentile(latencies, 50).toFixed(0),
    'p95 ms': percentile(latencies, 95).toFixed(0),
    'p99 ms': percentile(latencies, 99).toFixed(0),
    'max ms': percentile(latencies, 100).toFixed(0),
    'checkouts/s': (carts / wallSeconds).toFixed(1),
    'all paid after s': paidSeconds.toFixed(1),
  };
  const check = (name: string, expected: string, seen: string): Check => ({
    check: name,
    expected,
    seen,
    passed: expected === seen,
  });
  const checks: Check[] = [
    check('placed (201)', String(units), String(placed.length)),
    check('refused 409 out_of_stock', String(carts - units), String(outOfStock)),
    check('other answers', '0', String([...others.values()].reduce((n, k) => n + k, 0))),
    check('5xx answers', '0', String(serverErrors)),
    check('paid orders', String(units), String(paid)),
    check('stock on hand after', '0', String(stock.onHand)),
    check('stock reserved after', '0', String(stock.reserved)),
  ];
  return { figures, checks };
};
