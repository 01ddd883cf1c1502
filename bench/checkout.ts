// Checkout through the local cloud: (a) DynamoDB requests and round trips per checkout and per payment
// completion for carts of 1, 10 and 50 lines, by Lambda step; (b) a flash sale of 100 units to 1,000
// concurrent guest checkouts. Run: `npx tsx bench/checkout.ts [lines|flash-sale]`. Exits 1 when a flash-sale check fails.
import { availableParallelism, cpus } from 'node:os';
import { app } from '#app/definition.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { byFunction, formatOps, ownersFrom } from './support/attribute.ts';
import { startBenchCloud } from './support/cloud.ts';
import { flashSale } from './support/flash-sale.ts';
import { lambdas } from './support/lambdas.ts';
import { checkout, type Placed, pay, readyGuestCart, stockedVariants, untilStatus } from './support/shop.ts';
import { dynamoCalls, wire } from './support/wire.ts';

// `lines` or `flash-sale` runs one part only.
const part = process.argv[2];
const { cloud, shop, ports } = await startBenchCloud();
const owners = ownersFrom(app.functions);
// After the last request of a phase, pipes (100 ms polls) and queue pollers (1 s) may still run.
const QUIET_MS = 2500;

/** Everything DynamoDB saw while `work` ran and its followers settled, by the function that asked. */
const measured = async (work: () => Promise<void>) => {
  await lambdas.settle(QUIET_MS);
  const wireMark = wire.mark();
  const lambdaMark = lambdas.mark();
  cloud.dynamoTally!.reset();
  await work();
  await lambdas.settle(QUIET_MS);
  const calls = dynamoCalls(wire.since(wireMark).client, ports);
  const invocations = lambdas.since(lambdaMark);
  return {
    calls,
    invocations,
    steps: byFunction(calls, invocations, owners),
    proxyCount: cloud.dynamoTally!.snapshot().requests,
  };
};
type Measured = Awaited<ReturnType<typeof measured>>;

const step = (m: Measured, fn: string) => m.steps.find((s) => s.fn === fn);
/** `n (ops)` of one function's requests, for a cell. */
const cell = (m: Measured, fn: string) => {
  const s = step(m, fn);
  return s ? `${s.requests} (${formatOps(s.byOperation)})` : '0';
};
const trips = (m: Measured, ...fns: string[]) => fns.reduce((n, fn) => n + (step(m, fn)?.roundTrips ?? 0), 0);
const requests = (m: Measured, ...fns: string[]) =>
  fns.reduce((n, fn) => n + (step(m, fn)?.requests ?? 0), 0);
/** Requests that started while the checkout request's function ran (its steps, the saga's first wait, any follower). */
const duringCheckout = (m: Measured) => {
  const call = m.invocations.find((i) => i.fn === 'startCheckout');
  return call ? m.calls.filter((c) => c.start >= call.start && c.start <= call.end).length : 0;
};

const perLineCount = async () => {
  const { variantIds, shippingOptionId } = await stockedVariants(shop, 50, 1000);
  await new Promise((r) => setTimeout(r, 3000)); // the stream-fed stock summaries catch up
  // One order first, so every function of the flow is warm: the figures are of warm instances.
  const warm = await readyGuestCart(shop, [{ variantId: variantIds[0]!, quantity: 1 }], shippingOptionId);
  const warmed = (await checkout(shop, warm)).body as unknown as Placed;
  await pay(shop, warmed.payment);
  await untilStatus(shop, warmed, 'paid');
  const detail = [];
  const summary = [];
  for (const lines of [1, 10, 50]) {
    const cart = await readyGuestCart(
      shop,
      variantIds.slice(0, lines).map((variantId) => ({ variantId, quantity: 1 })),
      shippingOptionId,
    );
    let placed: Placed | undefined;
    let ms = 0;
    const placing = await measured(async () => {
      const res = await checkout(shop, cart);
      if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${JSON.stringify(res.body)}`);
      placed = res.body as unknown as Placed;
      ms = res.ms;
    });
    const paying = await measured(async () => {
      await pay(shop, placed!.payment);
      await untilStatus(shop, placed!, 'paid');
    });
    for (const [phase, m] of [
      ['checkout', placing],
      ['payment', paying],
    ] as const)
      for (const s of m.steps)
        detail.push({
          lines,
          phase,
          function: s.fn,
          invocations: s.invocations,
          'DynamoDB requests': s.requests,
          operations: formatOps(s.byOperation),
          'round trips': s.roundTrips,
          'capacity units': Number(s.capacity.toFixed(1)),
        });
    summary.push({
      lines,
      'checkout ms': Number(ms.toFixed(0)),
      PlaceOrder: cell(placing, 'checkoutPlaceOrder'),
      'PlaceOrder round trips': trips(placing, 'checkoutPlaceOrder'),
      'all requests during POST checkout': duringCheckout(placing),
      'webhook + CompleteOrder': requests(paying, 'stripeWebhook', 'checkoutCompleteOrder'),
      'their round trips': trips(paying, 'stripeWebhook', 'checkoutCompleteOrder'),
      'whole order incl. async followers':
        placing.proxyCount + paying.proxyCount - requests(paying, 'ordersStore'),
    });
  }
  console.log('\nDynamoDB requests by Lambda step (one checkout at a time; a request belongs to the');
  console.log(
    'invocation running when the counting proxy forwarded it; round trips = groups in flight together)',
  );
  console.table(detail);
  console.log('\nPer checkout: constant in line count?');
  console.table(summary);
};

try {
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
  );
  console.log(
    'Local-cloud figures (DynamoDB Local, worker-thread Lambdas, 4 instances per function, 16 for a synchronous workflow caller): not AWS.',
  );
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  if (part !== 'flash-sale') await perLineCount();
  if (part !== 'lines') {
    console.log('\nFlash sale: 100 units, 1,000 guest carts of 1 unit, all checkouts fired at once');
    const { figures, checks } = await flashSale(shop);
    console.table([figures]);
    console.table(checks.map((c) => ({ ...c, passed: c.passed ? 'PASS' : 'FAIL' })));
    if (checks.some((c) => !c.passed)) process.exitCode = 1;
  }
} finally {
  await cloud.stop();
}
