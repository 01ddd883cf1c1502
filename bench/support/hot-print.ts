// What the hot-key bench prints for one sale: how its records were priced, the hottest partitions per
// place, writes per order by entity, bucketed keys (measured against expected), the ceiling, the checks.
import type { Check } from './flash-sale.ts';
import {
  byEntity,
  type Candidate,
  ceiling,
  ceilings,
  expectedLoad,
  familiesOf,
  hottest,
  type OwnKey,
  PARTITION_WCU_PER_SECOND,
} from './hot-report.ts';
import type { SaleSpec } from './sale.ts';
import type { Tally } from './stream-tally.ts';
import type { Unrecorded } from './wire-writes.ts';

/** Everything measured of one sale. */
export interface SaleFigures {
  readonly spec: SaleSpec;
  readonly seconds: number;
  readonly tally: Tally;
  readonly matching: {
    matched: number;
    proportional: number;
    unmatched: number;
    writesWithoutRecord: number;
  };
  readonly unrecorded: Unrecorded;
  readonly checks: readonly Check[];
  /** The partitions of one journey alone (its cart's and order's keys): left out of the ceiling. */
  readonly own: OwnKey;
}

const round = (n: number) => Number(n.toFixed(3));
const name = (c: Candidate) => `${c.place}: ${c.partition}`;

const printPricing = (f: SaleFigures) => {
  const { matching: m, unrecorded: u, tally } = f;
  console.log(
    `Stream: ${tally.records} records (+${tally.ttlDeletes} TTL deletes, free). Transactional or not: ${m.matched} matched write for write to the requests the functions sent, ${m.proportional} by their item's share, ${m.unmatched} with no request seen (priced standard).`,
  );
  const busiest = [...u.itemsByPartition].sort(([, a], [, b]) => b - a).slice(0, 3);
  const failures = [...u.failures].map(([error, n]) => `${error}×${n}`).join(', ');
  console.log(
    `Not in the stream (spend capacity, not priced here): ${m.writesWithoutRecord} successful writes that changed nothing; ${u.failedRequests} failed write requests${failures ? ` (${failures})` : ''} naming ${[...u.itemsByPartition.values()].reduce((a, b) => a + b, 0)} items${busiest.length ? `, most on ${busiest.map(([p, n]) => `${p} (${n})`).join(', ')}` : ''}.`,
  );
};

const printFamilies = (f: SaleFigures, orders: number) => {
  const rows = [...f.tally.places.keys()].flatMap((place) =>
    familiesOf(f.tally, place).map((family) => {
      const e = expectedLoad(f.tally, family, orders);
      return {
        place,
        family: `${family.base}#<0..${family.buckets - 1}>`,
        'measured busiest': e.measured.partition,
        'its WCU/order tx': round(e.measured.wcuTx),
        'expected busiest bucket': e.busiestBucket,
        'expected WCU/order tx': round(e.expectedTx),
        'measured ÷ expected': round(e.measured.wcuTx / e.expectedTx),
      };
    }),
  );
  if (rows.length === 0) return;
  console.log(
    `\nBucketed keys: with ${orders} orders the busiest bucket gets more than its share by chance alone; the expected load (an entity written in several buckets spread evenly, one written in one bucket pinned there) is what a sustained rate sees.`,
  );
  console.table(rows.sort((a, b) => b['expected WCU/order tx'] - a['expected WCU/order tx']));
};

/** How many partitions were one journey's own, and the most write units one of them took. */
const ownKeys = (f: SaleFigures) => {
  let count = 0;
  let most = { partition: '', wcuTx: 0 };
  for (const [place, partitions] of f.tally.places)
    for (const [partition, key] of partitions)
      if (f.own(partition)) {
        count++;
        if (key.wcuTx > most.wcuTx) most = { partition: `${place}: ${partition}`, wcuTx: key.wcuTx };
      }
  return { count, most };
};

const printCeiling = (f: SaleFigures, orders: number) => {
  const own = ownKeys(f);
  console.log(
    `\nLeft out of the ceiling: ${own.count} partitions of one journey alone (its cart, order, payment, notification…), written once per order whatever the rate; the busiest took ${own.most.wcuTx} WCU (tx) in its whole journey (${own.most.partition || 'none'}).`,
  );
  const c = ceilings(f.tally, orders, f.own);
  if (!c) {
    console.log('\nCeiling: nothing was written, so none.');
    return;
  }
  const measuredName = c.measured.family
    ? `${c.measured.place}: ${c.measured.family.measuredPartition}`
    : name(c.measured);
  console.log(
    `\nCeiling (${PARTITION_WCU_PER_SECOND} WCU/s per partition key ÷ the hottest key's WCU per order):`,
  );
  console.log(
    `  used: ${c.tx.ordersPerSecond} orders/s — ${name(c.tx)} at ${round(c.tx.tx)} WCU/order (${c.tx.makeup}), transactional pricing, expected load for bucketed keys`,
  );
  console.log(
    `  standard pricing (no transaction doubled): ${c.std.ordersPerSecond} orders/s — ${name(c.std)} at ${round(c.std.std)} WCU/order`,
  );
  console.log(
    `  from the measured busiest key of this sale (pessimistic: chance at ${orders} orders): ${c.measured.ordersPerSecond} orders/s — ${measuredName} at ${round(c.measured.measuredTx)} WCU/order`,
  );
  console.table(
    c.ranking.map((r) => ({
      place: r.place,
      partition: r.partition,
      'WCU/order tx': round(r.tx),
      'WCU/order std': round(r.std),
      'orders/s': ceiling(r.tx),
      figure: r.family ? `expected, busiest of ${r.family.buckets} buckets` : 'measured',
      'made of (WCU/order tx)': r.makeup,
    })),
  );
};

/** Prints one sale's figures. */
export const printSale = (f: SaleFigures) => {
  const orders = f.spec.orders;
  const declines = f.checks.find((c) => c.check.startsWith('declined'))?.expected ?? '?';
  console.log(
    `\n=== Sale "${f.spec.name}": ${orders} orders over ${f.spec.variants} variant(s) with ${f.spec.shards} stock shard(s) each, ${declines} declined cards included; ${f.seconds.toFixed(0)} s, ${f.spec.concurrency} shoppers at a time`,
  );
  printPricing(f);
  for (const place of f.tally.places.keys()) {
    console.log(
      `\nHottest partitions on ${place} (per order; tx = TransactWriteItems charged 2× on the table)`,
    );
    console.table(hottest(f.tally, place, orders));
  }
  console.log('\nPer order by entity: stream records, writes and WCU on the table and each index');
  console.table(byEntity(f.tally, orders));
  printFamilies(f, orders);
  printCeiling(f, orders);
  console.log('\nChecks');
  console.table(f.checks.map((c) => ({ ...c, passed: c.passed ? 'PASS' : 'FAIL' })));
};

/** One line of the closing summary. */
export const summaryRow = (f: SaleFigures) => {
  const c = ceilings(f.tally, f.spec.orders, f.own);
  const checks = f.checks.every((x) => x.passed) ? 'PASS' : 'FAIL';
  if (!c) return { sale: f.spec.name, 'hottest key (expected, tx)': 'nothing written', checks };
  return {
    sale: f.spec.name,
    'hottest key (expected, tx)': name(c.tx),
    'WCU/order tx': round(c.tx.tx),
    'orders/s tx': c.tx.ordersPerSecond,
    'orders/s std': c.std.ordersPerSecond,
    'orders/s measured max': c.measured.ordersPerSecond,
    checks,
  };
};
