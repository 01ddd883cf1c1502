// The no-oversell race against DynamoDB Local: N concurrent reservations against S units, for a plain
// variant and a hot one. Run: `npx tsx bench/inventory-race.ts [reservations] [units] [shards]`.
// Prints sold, rejected, negative levels, reservations/s, latency and DynamoDB requests per reservation.
// Asserts nothing (figures go in the closing notes); the tests in test/integration/inventory assert.
import { app } from '#app/definition.ts';
import { start } from '#local/dynamodb/index.ts';

const [n = 1000, units = 100, shards = 8] = process.argv.slice(2).map(Number);
const dynamo = await start({ region: 'us-east-1' });
Object.assign(process.env, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});
// Imported after the endpoint is set: the document client reads it when first created.
const { documentClient } = await import('#platform/data/client.ts');
const { inventoryServices } = await import('#contexts/inventory/wiring.ts');
const { OutOfStockError } = await import('#contexts/inventory/domain/errors.ts');

const requests: Record<string, number> = {};
documentClient().middlewareStack.add(
  (next, context) => async (args) => {
    requests[context.commandName ?? '?'] = (requests[context.commandName ?? '?'] ?? 0) + 1;
    return next(args);
  },
  { step: 'initialize', name: 'countRequests' },
);

const table = 'inventory-bench';
await dynamo.ensureTable(table, app.table);
const inv = inventoryServices(table);
await inv.locations.create({ id: 'wh-1', name: 'Main', kind: 'warehouse', priority: 1, regions: [] });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const race = async (variantId: string, shardCount: number) => {
  await inv.admin.put(
    variantId,
    { levels: [{ locationId: 'wh-1', onHand: units }], shards: shardCount, reason: 'bench' },
    'bench',
  );
  for (const k of Object.keys(requests)) delete requests[k];
  const latencies: number[] = [];
  const t0 = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: n }, async (_, i) => {
      const started = performance.now();
      try {
        return await inv.reservations.reserve({
          reservationId: `${variantId}-${i}`,
          ref: `cart-${i}`,
          lines: [{ variantId, quantity: 1 }],
        });
      } finally {
        latencies.push(performance.now() - started);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sold = outcomes.filter((o) => o.status === 'fulfilled').length;
  const rejected = outcomes.filter(
    (o) => o.status === 'rejected' && o.reason instanceof OutOfStockError,
  ).length;
  const levels = await inv.stock.allShards(variantId, shardCount);
  latencies.sort((a, b) => a - b);
  return {
    variant: shardCount > 1 ? `hot, ${shardCount} shards` : 'plain',
    attempts: n,
    units,
    sold,
    'rejected (OutOfStock)': rejected,
    'other errors': n - sold - rejected,
    'negative levels': levels.filter((l) => l.available < 0 || l.reserved < 0 || l.onHand < 0).length,
    'reservations/s': Math.round(n / seconds),
    'p50 ms': Math.round(percentile(latencies, 0.5)),
    'p99 ms': Math.round(percentile(latencies, 0.99)),
    'transactions per attempt': +((requests.TransactWriteItemsCommand ?? 0) / n).toFixed(2),
    'requests per attempt': +(Object.values(requests).reduce((a, b) => a + b, 0) / n).toFixed(2),
  };
};

try {
  // A sale of one 3-line cart: its round trips with warm caches (1 Query per line + 1 transaction).
  for (const v of ['cart-a', 'cart-b', 'cart-c'])
    await inv.admin.put(v, { levels: [{ locationId: 'wh-1', onHand: 10 }], reason: 'bench' }, 'bench');
  const lines = ['cart-a', 'cart-b', 'cart-c'].map((variantId) => ({ variantId, quantity: 1 }));
  await inv.reservations.reserve({ reservationId: 'warm', ref: 'warm', lines });
  for (const k of Object.keys(requests)) delete requests[k];
  await inv.reservations.reserve({ reservationId: 'three-lines', ref: 'cart', lines });
  console.log('DynamoDB requests for one 3-line reservation:', requests);
  console.table([await race('plain-sku', 1), await race('hot-sku', shards)]);
} finally {
  await dynamo.stop();
}
