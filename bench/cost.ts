// What 1,000 orders cost on AWS: the calls one order makes, measured on the local cloud over N full guest
// orders (cart, checkout, payment, saga, followers), times on-demand list prices. Run:
// `npx tsx bench/cost.ts [orders]`. A model, not a bill: its assumptions are printed with it.
import { availableParallelism } from 'node:os';
import { app } from '#app/definition.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { byFunction, ownersFrom } from './support/attribute.ts';
import { startBenchCloud } from './support/cloud.ts';
import { lambdas } from './support/lambdas.ts';
import { PRICES, PRICES_AS_OF } from './support/prices.ts';
import { checkout, must, type Placed, pay, readyGuestCart, stockedVariants } from './support/shop.ts';
import { dynamoCalls, wire } from './support/wire.ts';

const ORDERS = Number(process.argv[2] ?? 20);
const { cloud, shop, ports } = await startBenchCloud();
const functions: Record<string, { memoryMb: number }> = app.functions;
// Schedules run whatever the order volume: a fixed monthly cost, not a per-order one.
const scheduled = new Set<string>(Object.values(app.schedules).map((s) => s.function));
const pipeTargets = new Set<string>(Object.values(app.pipes).map((p) => p.target));
const READS = /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)$/;

const busEventIds = async () => {
  const res = await fetch(`${cloud.info.endpoints.eventbridge}/_local/events`);
  const { events } = (await res.json()) as { events: { id: string }[] };
  return new Set(events.map((e) => e.id));
};

/** One guest order as a storefront places it: 2 lines, checkout, Stripe.js payment, the order page once. */
const order = async (variants: string[], shippingOptionId: string) => {
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
};

const usd = (n: number) => `$${n.toFixed(n < 0.01 ? 5 : 4)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

try {
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  const { variantIds, shippingOptionId } = await stockedVariants(shop, 2, 10_000);
  await new Promise((r) => setTimeout(r, 3000)); // the stream-fed stock summaries catch up
  await order(variantIds, shippingOptionId); // warms every function: the figures are of warm instances
  await lambdas.settle(3000);

  const events = await busEventIds();
  const wireMark = wire.mark();
  const lambdaMark = lambdas.mark();
  for (let i = 0; i < ORDERS; i++) await order(variantIds, shippingOptionId);
  await lambdas.settle(3000);
  const { client, server } = wire.since(wireMark);
  const invocations = lambdas.since(lambdaMark).filter((i) => !scheduled.has(i.fn));
  const newEvents = [...(await busEventIds())].filter((id) => !events.has(id)).length;

  // DynamoDB: capacity as DynamoDB Local reports it (ReturnConsumedCapacity TOTAL through the proxy).
  const dynamo = dynamoCalls(client, ports);
  const sweeps = byFunction(dynamo, lambdas.since(lambdaMark), ownersFrom(app.functions))
    .filter((s) => scheduled.has(s.fn))
    .reduce((n, s) => n + s.capacity, 0);
  const rru = dynamo.filter((c) => READS.test(c.operation)).reduce((n, c) => n + c.capacity, 0) - sweeps;
  const wru = dynamo.filter((c) => !READS.test(c.operation)).reduce((n, c) => n + c.capacity, 0);

  const gateway = server.filter((c) => c.port === ports.gateway);
  const express = server.filter(
    (c) => c.port === ports.stepfunctions && c.operation === 'StartSyncExecution',
  );
  const sqs = client.filter((c) => c.port === ports.sqs);
  const sqsBilled = sqs.filter((c) => c.operation !== 'ReceiveMessage' || c.messages > 0).length;
  const emptyPolls = sqs.length - sqsBilled;
  const secrets = server.filter((c) => c.port === ports.secretsmanager).length;
  const billedMs = (i: { start: number; end: number }) => Math.ceil(i.end - i.start);
  const lambdaGbS = invocations.reduce(
    (n, i) => n + (billedMs(i) / 1000) * ((functions[i.fn]?.memoryMb ?? 128) / 1024),
    0,
  );
  // Express bills whole 100 ms steps of 64 MB.
  const expressGbS = express.reduce((n, c) => n + (Math.ceil((c.end - c.start) / 100) / 10) * (64 / 1024), 0);
  const completed = invocations.filter((i) => i.fn === 'checkoutCompleteOrder').length;
  // Standard saga path taken: AwaitPayment → CompleteOrder → Paid (3 state transitions).
  const transitions = completed * 3;
  const pipeRecords = invocations.filter((i) => pipeTargets.has(i.fn)).reduce((n, i) => n + i.records, 0);

  const per = (n: number) => n / ORDERS;
  const M = 1e6;
  const rows: Array<[string, number, number, string]> = [
    [
      'API Gateway HTTP API requests',
      per(gateway.length),
      PRICES.httpApiRequest,
      `$${PRICES.httpApiRequest * M} / 1M`,
    ],
    ['Lambda requests', per(invocations.length), PRICES.lambdaRequest, `$${PRICES.lambdaRequest * M} / 1M`],
    [
      'Lambda GB-s (arm64, measured local duration)',
      per(lambdaGbS),
      PRICES.lambdaGbSecondArm64,
      `$${PRICES.lambdaGbSecondArm64} / GB-s`,
    ],
    [
      'DynamoDB write request units',
      per(wru),
      PRICES.dynamoWriteRequestUnit,
      `$${PRICES.dynamoWriteRequestUnit * M} / 1M`,
    ],
    [
      'DynamoDB read request units',
      per(rru),
      PRICES.dynamoReadRequestUnit,
      `$${PRICES.dynamoReadRequestUnit * M} / 1M`,
    ],
    [
      'Step Functions Express requests',
      per(express.length),
      PRICES.stepFunctionsExpressRequest,
      `$${PRICES.stepFunctionsExpressRequest * M} / 1M`,
    ],
    [
      'Step Functions Express GB-s (64 MB, 100 ms steps)',
      per(expressGbS),
      PRICES.stepFunctionsExpressGbSecond,
      `$${PRICES.stepFunctionsExpressGbSecond} / GB-s`,
    ],
    [
      'Step Functions Standard transitions',
      per(transitions),
      PRICES.stepFunctionsStandardTransition,
      `$${PRICES.stepFunctionsStandardTransition * 1000} / 1K`,
    ],
    [
      'EventBridge custom events',
      per(newEvents),
      PRICES.eventBridgeCustomEvent,
      `$${PRICES.eventBridgeCustomEvent * M} / 1M`,
    ],
    [
      'EventBridge Pipes requests (records after filter)',
      per(pipeRecords),
      PRICES.pipesRequest,
      `$${(PRICES.pipesRequest * M).toFixed(2)} / 1M`,
    ],
    [
      'SQS requests (send, non-empty receive, delete)',
      per(sqsBilled),
      PRICES.sqsRequest,
      `$${(PRICES.sqsRequest * M).toFixed(2)} / 1M`,
    ],
    [
      'Secrets Manager calls (cached 5 min)',
      per(secrets),
      PRICES.secretsManagerCall,
      `$${PRICES.secretsManagerCall * 10_000} / 10K`,
    ],
  ];
  const table = rows.map(([component, count, price, unit]) => ({
    component,
    'per order': count.toFixed(3),
    'unit price': unit,
    '$ per 1,000 orders': usd(count * price * 1000),
  }));
  const total = rows.reduce((n, [, count, price]) => n + count * price * 1000, 0);
  table.push({ component: 'TOTAL', 'per order': '', 'unit price': '', '$ per 1,000 orders': usd(total) });

  const byFn = new Map<string, number[]>();
  for (const i of invocations) byFn.set(i.fn, [...(byFn.get(i.fn) ?? []), i.end - i.start]);
  const lambdaTable = [...byFn].map(([fn, ms]) => ({
    function: fn,
    'invocations per order': Number(per(ms.length).toFixed(2)),
    'p50 ms': Number(median(ms).toFixed(1)),
    'mean ms': Number((ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)),
    'memory MB': functions[fn]?.memoryMb ?? 0,
  }));

  console.log(
    `\nCost model: ${ORDERS} guest orders of 2 lines, measured on the local cloud (${availableParallelism()} cores, Node ${process.version})`,
  );
  console.log(PRICES_AS_OF);
  console.table(lambdaTable);
  console.table(table);
  console.log(`Assumptions:
- Counts are measured per order over ${ORDERS} warm orders: the storefront's API calls (create cart, add 2 items,
  e-mail, address, shipping method, checkout, one GET of the order) plus Stripe's webhook deliveries.
- Lambda GB-s = each invocation's local duration (post to reply, rounded up to 1 ms) x its memoryMb from
  app/definition.ts. Local durations on ${availableParallelism()} shared cores with DynamoDB Local are slower than
  Lambda's; the arm64 price is used because the stack deploys arm64. Cold starts are excluded (warm-up order).
- DynamoDB units are what DynamoDB Local reports as ConsumedCapacity (TOTAL) through the counting proxy:
  reads = GetItem/Query/BatchGetItem/TransactGetItems, everything else writes. Whether it charges index writes
  and the transactional 2x as AWS does is DynamoDB Local's model; Streams reads by Pipes are not counted.
- Step Functions Express: one StartSyncExecution per checkout, its duration as the local endpoint served it,
  billed per 100 ms at 64 MB. Standard: ${transitions / Math.max(completed, 1)} transitions per order from the
  ASL path taken (AwaitPayment, CompleteOrder, Paid); the waiting is free.
- EventBridge: events the local bus received (GET /_local/events); Pipes: stream records passed to pipe targets.
- SQS: sends, receives that returned messages, deletes. Fixed costs left out as not per order: ${emptyPolls} empty
  long polls in this run (Lambda's pollers), the scheduled sweeps (${[...scheduled].join(', ')}),
  CloudWatch Logs/metrics, X-Ray, data transfer, Cognito, KMS, Stripe's fees.`);
} finally {
  await cloud.stop();
}
