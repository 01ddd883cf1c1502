// Hot partitions: which partition keys of the table and of each GSI a sale writes most, and the ceiling
// on orders per second that the hottest one sets (1,000 WCU/s per partition key). Two sales through the
// local cloud over HTTP, as storefronts drive them: one hot SKU at the most stock shards allowed, and
// orders spread over 100 variants; 1 in 20 cards is declined (included in the per-order figures).
// Each sale's writes are read from the table's stream (NEW_AND_OLD_IMAGES) for exactly its window.
// Run: `npx tsx bench/hot-keys.ts [orders per sale, default 200]`. Exits 1 when a sale's checks fail.
// Method and figures: docs/capacity.md.
import { availableParallelism, cpus } from 'node:os';
import { localCredentials } from '#local/dynamodb/index.ts';
import { startBenchCloud } from './support/cloud.ts';
import { printSale, type SaleFigures, summaryRow } from './support/hot-print.ts';
import { ownKeysOf } from './support/hot-report.ts';
import { lambdas } from './support/lambdas.ts';
import { prepareSale, runSale, type SaleSpec, sales, verifySale, warmUp } from './support/sale.ts';
import { describeSource, openStreamWindow } from './support/stream-reader.ts';
import { addRecord, emptyTally, type TableSpec } from './support/stream-tally.ts';
import { wire } from './support/wire.ts';
import { transactionalShare, WRITE_OPERATIONS, writesOnWire } from './support/wire-writes.ts';

const orders = Number(process.argv[2] ?? 200);
if (!Number.isInteger(orders) || orders < 20) throw new Error('orders per sale: an integer ≥ 20');
// After the last request, pipes (100 ms polls), queue pollers (1 s) and their followers may still write.
const QUIET_MS = 3000;
const SETTLE_TIMEOUT_MS = 300_000;

wire.keepBodies(WRITE_OPERATIONS);
const { cloud, shop, ports } = await startBenchCloud();
const source = {
  endpoint: cloud.info.endpoints.dynamodb,
  region: cloud.info.region,
  credentials: localCredentials,
  tableName: cloud.info.tableName,
};
const proxyPort = Number(new URL(cloud.dynamoTally!.endpoint).port);
const stripePort = Number(new URL(shop.stripe.apiUrl).port);

/** Runs one sale inside a stream window and answers its tally, wire findings and checks. */
const measure = async (spec: SaleSpec, table: TableSpec, streamArn: string): Promise<SaleFigures> => {
  const sale = await prepareSale(shop, spec);
  await lambdas.settle(QUIET_MS, SETTLE_TIMEOUT_MS);
  const mark = wire.mark();
  const window = await openStreamWindow(source, streamArn);
  const started = performance.now();
  const journeys = await runSale(shop, sale);
  const seconds = (performance.now() - started) / 1000;
  await lambdas.settle(QUIET_MS, SETTLE_TIMEOUT_MS);
  const records = await window.close();
  const calls = wire.since(mark).server;

  const { writes, unrecorded } = writesOnWire(
    table,
    calls.filter((c) => c.port === proxyPort),
  );
  const { share, outcome } = transactionalShare(table, records, writes);
  const tally = emptyTally(table);
  for (const r of records) addRecord(tally, table, r, share.get(r) ?? 0);
  const serverErrors = calls.filter(
    (c) => (c.port === ports.gateway || c.port === stripePort) && c.status >= 500,
  ).length;
  const checks = await verifySale(shop, sale, journeys, serverErrors);
  const own = ownKeysOf(
    journeys.flatMap((j) => [j.cartId, j.placed?.orderId].filter((id) => id !== undefined)),
  );
  return { spec, seconds, tally, matching: outcome, unrecorded, checks, own };
};

try {
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
  );
  console.log(
    `Hot partitions: ${orders} orders per sale; write units from the table's stream, priced by DynamoDB's rules (docs/capacity.md).`,
  );
  const { spec: table, streamArn } = await describeSource(source);
  console.log(
    `Table keys ${table.partitionKey}/${table.sortKey}; indexes: ${table.indexes.map((i) => `${i.name} (${i.partitionKey}/${i.sortKey}, ${i.projection})`).join(', ')}`,
  );
  const concurrency = Math.max(...sales(orders).map((s) => s.concurrency));
  console.log(
    `Warm-up (not measured), journeys that ended right per round: ${(await warmUp(shop, concurrency)).join(', ')}`,
  );
  const results: SaleFigures[] = [];
  for (const spec of sales(orders)) {
    const figures = await measure(spec, table, streamArn);
    printSale(figures);
    results.push(figures);
  }
  console.log('\nSummary: the ceiling each sale puts on orders per second');
  console.table(results.map(summaryRow));
  if (results.some((r) => r.checks.some((c) => !c.passed))) process.exitCode = 1;
} finally {
  await cloud.stop();
}
