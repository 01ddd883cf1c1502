// What 1,000 orders cost on AWS: the calls one order makes, measured on the local cloud over N full guest
// orders (cart, checkout, payment, saga, followers), then the calls after the sale — fulfil, ship, return,
// receive (with its refund), an admin refund, a cancellation (with its workflow) — each measured over N
// calls, all times on-demand list prices; a typical post-purchase mix gives a per-order figure. Run:
// `npx tsx bench/cost.ts [orders]`. A model, not a bill: its assumptions are printed with it.
import { availableParallelism } from 'node:os';
import { app } from '#app/definition.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { startBenchCloud } from './support/cloud.ts';
import {
  type PaidOrder,
  type PostPurchaseOperation,
  paidOrder,
  postPurchaseOperations,
} from './support/cost-post-purchase.ts';
import { per1000, pricedRows, usd } from './support/cost-rows.ts';
import { type Usage, usageMeter } from './support/cost-usage.ts';
import { lambdas } from './support/lambdas.ts';
import { PRICES_AS_OF } from './support/prices.ts';
import { checkout, must, type Placed, pay, readyGuestCart, stockedVariants } from './support/shop.ts';

const ORDERS = Number(process.argv[2] ?? 20);

// After the sale, per order. Typical: about one parcel per order (one in ten split in two), 15 % of
// orders returning a line (general merchandise; apparel returns more), 2 % given a refund apart from a
// return, 3 % canceled before they ship. Bench: bench/post-purchase.ts's journey (nine in ten shipped in
// two parcels with one line returned, one in ten canceled). Change them to your shop's.
const MIXES: Record<string, Record<PostPurchaseOperation, number>> = {
  typical: { fulfil: 1.1, ship: 1.1, return: 0.15, receive: 0.15, refund: 0.02, cancel: 0.03 },
  'bench journey': { fulfil: 1.8, ship: 1.8, return: 0.9, receive: 0.9, refund: 0, cancel: 0.1 },
};
const OPERATIONS: readonly PostPurchaseOperation[] = [
  'fulfil',
  'ship',
  'return',
  'receive',
  'refund',
  'cancel',
];

const { cloud, shop, ports } = await startBenchCloud();
const functions: Record<string, { memoryMb: number }> = app.functions;
const meter = usageMeter(app, ports, cloud.info.endpoints.eventbridge ?? '');

/** One guest order as a storefront places it: 2 lines, checkout, Stripe.js payment, the order page once. */
const order = async (variants: string[], shippingOptionId: string): Promise<Placed> => {
  const cart = await readyGuestCart(
    shop,
    variants.map((variantId) => ({ variantId, quantity: 1 })),
    shippingOptionId,
  );
  const res = await checkout(shop, cart);
  if (res.status !== 201) throw new Error(`checkout answered ${res.status}`);
  const placed = res.body as unknown as Placed;
  const completed = lambdas.since(0).filter((i) => i.fn === 'checkoutCompleteOrder').length;
  await pay(shop, placed.payment);
  // Waits on the saga's last step rather than polling the API, so the API count stays a storefront's.
  const deadline = performance.now() + 30_000;
  while (lambdas.since(0).filter((i) => i.fn === 'checkoutCompleteOrder' && i.ok).length <= completed) {
    if (performance.now() > deadline) throw new Error(`order ${placed.orderId} never completed`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const seen = await must(shop, 'GET', `/orders/${placed.orderId}`, undefined, {
    'x-order-token': placed.orderToken,
  });
  if (seen.status !== 'paid') throw new Error(`order ${placed.orderId} is ${String(seen.status)}`);
  return placed;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Per function: invocations per unit of work, run time, memory. */
const lambdaTable = (u: Usage, per: number) => {
  const byFn = new Map<string, number[]>();
  for (const i of u.invocations) byFn.set(i.fn, [...(byFn.get(i.fn) ?? []), i.end - i.start]);
  return [...byFn].map(([fn, ms]) => ({
    function: fn,
    'invocations per order': Number((ms.length / per).toFixed(2)),
    'p50 ms': Number(median(ms).toFixed(1)),
    'mean ms': Number((ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)),
    'memory MB': functions[fn]?.memoryMb ?? 0,
  }));
};

const fixed = (n: number, d = 2) => Number(n.toFixed(d));

/** One row per post-purchase operation: what one call uses, and its price per 1,000 calls. */
const operationRow = (op: string, u: Usage, calls: number) => {
  const runs = new Map<string, number>();
  for (const i of u.invocations) runs.set(i.fn, (runs.get(i.fn) ?? 0) + 1);
  return {
    operation: op,
    'API req': fixed(u.apiRequests / calls),
    'Lambda runs (by function)': [...runs]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([fn, n]) => `${fn} ${fixed(n / calls)}`)
      .join(' · '),
    'GB-s': fixed(u.lambdaGbS / calls, 3),
    'DynamoDB req': fixed(u.dynamoRequests / calls),
    WRU: fixed(u.wru / calls),
    RRU: fixed(u.rru / calls),
    'Std transitions': fixed(u.standardTransitions / calls),
    events: fixed(u.events / calls),
    'pipe records': fixed(u.pipeRecords / calls),
    'SQS req': fixed(u.sqsBilled / calls),
    '$ per 1,000 calls': usd(per1000(pricedRows(u, calls))),
  };
};

try {
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  const { variantIds, shippingOptionId, locationId } = await stockedVariants(shop, 2, 10_000);
  await new Promise((r) => setTimeout(r, 3000)); // the stream-fed stock summaries catch up
  const ops = postPurchaseOperations(shop, locationId);
  // Warms every function, the post-purchase ones and the cancellation's included: figures of warm instances.
  const warm = await paidOrder(shop, await order(variantIds, shippingOptionId));
  for (const op of OPERATIONS.filter((o) => o !== 'cancel')) await ops[op](warm);
  await ops.cancel(await paidOrder(shop, await order(variantIds, shippingOptionId)));
  await lambdas.settle(3000, 180_000);

  const placed: Placed[] = [];
  const bought = await meter.measure(async () => {
    for (let i = 0; i < ORDERS; i++) placed.push(await order(variantIds, shippingOptionId));
  });
  const rows = pricedRows(bought, ORDERS);
  const checkoutPer1000 = per1000(rows);

  // Orders to cancel are placed apart (their checkout is priced above), then every operation in a window
  // of its own, one call at a time.
  const toCancel: PaidOrder[] = [];
  for (let i = 0; i < ORDERS; i++)
    toCancel.push(await paidOrder(shop, await order(variantIds, shippingOptionId)));
  const orders = await Promise.all(placed.map((p) => paidOrder(shop, p)));
  await lambdas.settle(3000, 180_000);
  const perOperation = new Map<PostPurchaseOperation, Usage>();
  for (const op of OPERATIONS)
    perOperation.set(
      op,
      await meter.measure(async () => {
        for (const o of op === 'cancel' ? toCancel : orders) await ops[op](o);
      }),
    );
  for (const o of toCancel) {
    const seen = await must(shop, 'GET', `/orders/${o.placed.orderId}`, undefined, {
      'x-order-token': o.placed.orderToken,
    });
    if (seen.status !== 'canceled') throw new Error(`order ${o.placed.orderId} is ${String(seen.status)}`);
  }

  console.log(
    `\nCost model: ${ORDERS} guest orders of 2 lines, measured on the local cloud (${availableParallelism()} cores, Node ${process.version})`,
  );
  console.log(PRICES_AS_OF);
  console.table(lambdaTable(bought, ORDERS));
  const table = rows.map((r) => ({
    component: r.component,
    'per order': r.count.toFixed(3),
    'unit price': r.unit,
    '$ per 1,000 orders': usd(r.count * r.price * 1000),
  }));
  table.push({
    component: 'TOTAL',
    'per order': '',
    'unit price': '',
    '$ per 1,000 orders': usd(checkoutPer1000),
  });
  console.table(table);

  console.log(`\nAfter the sale: each operation over ${ORDERS} calls, one at a time; per call.`);
  console.table(OPERATIONS.map((op) => operationRow(op, perOperation.get(op)!, ORDERS)));
  const opPer1000 = (op: PostPurchaseOperation) => per1000(pricedRows(perOperation.get(op)!, ORDERS));
  const mixRows = Object.entries(MIXES).map(([mix, shares]) => {
    const after = OPERATIONS.reduce((n, op) => n + shares[op] * opPer1000(op), 0);
    return {
      mix,
      'calls per order': OPERATIONS.map((op) => `${op} ${shares[op]}`).join(' · '),
      'after the sale, $ per 1,000 orders': usd(after),
      'with checkout, $ per 1,000 orders': usd(checkoutPer1000 + after),
    };
  });
  console.table(mixRows);

  console.log(`Assumptions:
- Checkout: counts are measured per order over ${ORDERS} warm orders: the storefront's API calls (create cart,
  add 2 items, e-mail, address, shipping method, checkout, one GET of the order) plus Stripe's webhook deliveries.
- After the sale: each operation runs ${ORDERS} times, one call at a time, in a window of its own that ends once no
  Lambda has run for 3 s, so its followers (outbox relay, notifications, stock alerts, Stripe's refund webhooks,
  the cancellation workflow's steps) are counted with it. fulfil = every unit of an order in one fulfilment;
  ship = its shipment; return = the customer's return of one line; receive = restocked, which refunds the
  line's share; refund = a refund through the admin refund API apart from any return; cancel = the admin
  cancellation of a paid, unfulfilled order, through its workflow (refund, then stock back) to canceled.
- Lambda GB-s = each invocation's local duration (post to reply, rounded up to 1 ms) x its memoryMb from
  app/definition.ts. Local durations on ${availableParallelism()} shared cores with DynamoDB Local are slower than
  Lambda's; the arm64 price is used because the stack deploys arm64. Cold starts are excluded (warm-up order).
- DynamoDB units are what DynamoDB Local reports as ConsumedCapacity (TOTAL) through the counting proxy:
  reads = GetItem/Query/BatchGetItem/TransactGetItems, everything else writes. Whether it charges index writes
  and the transactional 2x as AWS does is DynamoDB Local's model; Streams reads by Pipes are not counted.
- Step Functions Express: one StartSyncExecution per checkout, its duration as the local endpoint served it,
  billed per 100 ms at 64 MB. Standard: one transition per Task state entered (the workflows' Lambda
  invocations, retries included) plus the payment saga's Paid state; the waiting is free.
- EventBridge: events the local bus received (GET /_local/events); Pipes: stream records passed to pipe targets.
- SQS: sends, receives that returned messages, deletes. Fixed costs left out as not per order: ${bought.emptyPolls} empty
  long polls in the checkout window (Lambda's pollers), the scheduled sweeps (${[...meter.scheduled].join(', ')}),
  CloudWatch Logs/metrics, X-Ray, data transfer, Cognito, KMS, Stripe's fees (refunds included).`);
} finally {
  await cloud.stop();
}
