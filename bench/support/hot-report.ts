// From a tally of one sale's writes to the figures the hot-key bench prints: the hottest partitions per
// place, the writes per order by entity, bucketed key families and their expected load, and the ceiling
// that the hottest partition puts on orders per second. Pure.
import type { KeyStats, Stats, Tally } from './stream-tally.ts';

/** What DynamoDB accepts per partition key and second, on the table and on every GSI. */
export const PARTITION_WCU_PER_SECOND = 1000;

const per = (value: number, orders: number) => Number((value / orders).toFixed(3));

/** A short list of the entities that wrote a partition, busiest first: `STOCK_LEVEL×12 STOCK_ALERTS×3`. */
const entitiesOf = (key: KeyStats) =>
  [...key.entities]
    .sort(([, a], [, b]) => b.writes - a.writes)
    .map(([entity, s]) => `${entity}×${s.writes}`)
    .join(' ');

/** The `top` partitions of one place with the most write units at transactional pricing. */
export const hottest = (tally: Tally, place: string, orders: number, top = 15) =>
  [...(tally.places.get(place) ?? [])]
    .sort(([, a], [, b]) => b.wcuTx - a.wcuTx || b.writes - a.writes)
    .slice(0, top)
    .map(([partition, key]) => ({
      partition,
      'writes/order': per(key.writes, orders),
      'WCU/order std': per(key.wcu, orders),
      'WCU/order tx': per(key.wcuTx, orders),
      entities: entitiesOf(key),
    }));

const sum = (list: Iterable<Partial<Stats> | undefined>) => {
  const total = { writes: 0, wcu: 0, wcuTx: 0 };
  for (const s of list) {
    total.writes += s?.writes ?? 0;
    total.wcu += s?.wcu ?? 0;
    total.wcuTx += s?.wcuTx ?? 0;
  }
  return total;
};

/** Per entity: stream records, and writes and write units per order on the table and on each index. */
export const byEntity = (tally: Tally, orders: number) => {
  const places = [...tally.places.keys()];
  const row = (entity: string, records: number, at: (place: string) => Stats | undefined) => {
    const total = sum(places.map(at));
    return {
      entity,
      'records/order': per(records, orders),
      ...Object.fromEntries(
        places.flatMap((place) =>
          place === 'table'
            ? [
                ['table WCU std', per(at(place)?.wcu ?? 0, orders)],
                ['table WCU tx', per(at(place)?.wcuTx ?? 0, orders)],
              ]
            : [
                [`${place} writes`, per(at(place)?.writes ?? 0, orders)],
                [`${place} WCU`, per(at(place)?.wcu ?? 0, orders)],
              ],
        ),
      ),
      'all WCU std': per(total.wcu, orders),
      'all WCU tx': per(total.wcuTx, orders),
    };
  };
  const rows = [...tally.entities]
    .sort(([, a], [, b]) => sum(b.places.values()).wcuTx - sum(a.places.values()).wcuTx)
    .map(([entity, e]) => row(entity, e.records, (place) => e.places.get(place)));
  const all = (place: string) => sum([...tally.entities.values()].map((e) => e.places.get(place)));
  return [...rows, row('(all)', tally.records, all)];
};

/** Partitions that are buckets of one key: `RESERVATIONS#held#0…15`, `STOCK#<v>` with `STOCK#<v>#1…31`. */
export interface Family {
  readonly place: string;
  readonly base: string;
  /** Bucket count: the highest bucket seen + 1 (the bare base key is bucket 0 when no `#0` exists). */
  readonly buckets: number;
  /** Partition → bucket number. */
  readonly members: ReadonlyMap<string, number>;
}

/** The bucketed families among one place's partitions: at least two members, numbered `#<n>`. */
export const familiesOf = (tally: Tally, place: string): Family[] => {
  const partitions = tally.places.get(place) ?? new Map();
  const groups = new Map<string, Map<string, number>>();
  for (const partition of partitions.keys()) {
    const m = /^(.+)#(\d+)$/.exec(partition);
    if (!m) continue;
    const members = groups.get(m[1]!) ?? new Map<string, number>();
    members.set(partition, Number(m[2]));
    groups.set(m[1]!, members);
  }
  const families: Family[] = [];
  for (const [base, members] of groups) {
    if (partitions.has(base) && ![...members.values()].includes(0)) members.set(base, 0);
    if (members.size < 2) continue;
    families.push({ place, base, buckets: Math.max(...members.values()) + 1, members });
  }
  return families;
};

/**
 * A family's expected load on its busiest bucket, per order: an entity written in several buckets is
 * taken as spread evenly over all of them (its mean), one written in a single bucket as pinned there.
 * This is the load at a rate where chance evens out; the measured busiest bucket of a small sale is
 * higher by chance alone.
 */
export const expectedLoad = (tally: Tally, family: Family, orders: number) => {
  const partitions = tally.places.get(family.place)!;
  const entityBuckets = new Map<string, Map<number, Stats>>();
  for (const [partition, bucket] of family.members)
    for (const [entity, s] of partitions.get(partition)!.entities) {
      const buckets = entityBuckets.get(entity) ?? new Map<number, Stats>();
      buckets.set(bucket, s);
      entityBuckets.set(entity, buckets);
    }
  // Per bucket, what each entity is expected to put there: its mean if spread, all of it if pinned.
  const load = Array.from(
    { length: family.buckets },
    () => new Map<string, { wcu: number; wcuTx: number }>(),
  );
  for (const [entity, buckets] of entityBuckets) {
    const total = sum(buckets.values());
    const pinned = buckets.size === 1 ? [...buckets.keys()][0] : undefined;
    load.forEach((bucket, i) => {
      if (pinned === undefined)
        bucket.set(`${entity} (spread)`, {
          wcu: total.wcu / family.buckets,
          wcuTx: total.wcuTx / family.buckets,
        });
      else if (pinned === i) bucket.set(`${entity} (pinned)`, { wcu: total.wcu, wcuTx: total.wcuTx });
    });
  }
  const totals = load.map((bucket) => sum(bucket.values()));
  const busiest = totals.reduce((best, t, i) => (t.wcuTx > totals[best]!.wcuTx ? i : best), 0);
  const measured = [...family.members.keys()]
    .map((p) => ({ partition: p, ...partitions.get(p)! }))
    .reduce((a, b) => (b.wcuTx > a.wcuTx ? b : a));
  return {
    busiestBucket: busiest,
    expectedStd: totals[busiest]!.wcu / orders,
    expectedTx: totals[busiest]!.wcuTx / orders,
    /** What makes up the busiest bucket's expected load: `STOCK_ALERTS (pinned) 1.9`. */
    makeup: [...load[busiest]!]
      .sort(([, a], [, b]) => b.wcuTx - a.wcuTx)
      .map(([what, l]) => `${what} ${(l.wcuTx / orders).toFixed(3)}`)
      .join(', '),
    measured: { partition: measured.partition, wcu: measured.wcu / orders, wcuTx: measured.wcuTx / orders },
  };
};

/** One candidate for the hottest partition: a single key (measured) or a family (expected). */
export interface Candidate {
  readonly place: string;
  readonly partition: string;
  readonly std: number;
  readonly tx: number;
  /** The measured figure of the hottest member, for a family; the same as `tx` for a single key. */
  readonly measuredTx: number;
  readonly family?: { readonly buckets: number; readonly measuredPartition: string };
  /** Which entities make up its load (WCU per order, transactional pricing). */
  readonly makeup: string;
}

/** `CART 0.4, ORDER 0.2`: a key's entities by WCU per order at transactional pricing. */
const makeupOf = (key: KeyStats, orders: number) =>
  [...key.entities]
    .sort(([, a], [, b]) => b.wcuTx - a.wcuTx)
    .map(([entity, s]) => `${entity} ${(s.wcuTx / orders).toFixed(3)}`)
    .join(', ');

/**
 * Whether a partition belongs to one shopper's journey alone (`CART#<cartId>`, `ORDER#<orderId>`,
 * `PAYMENT#<orderId>`…): its writes come once per order, whatever the rate, so it sets no ceiling.
 */
export type OwnKey = (partition: string) => boolean;

/**
 * An `OwnKey` for the ids of a sale's journeys (cart and order ids, UUIDs): a partition that contains one
 * of them, wherever (`TASK#payment-<orderId>` too).
 */
export const ownKeysOf = (ids: Iterable<string>): OwnKey => {
  const known = [...ids];
  return (partition) => known.some((id) => partition.includes(id));
};

/**
 * Every place's partitions shared by orders, as ceiling candidates: families by expected load, other keys
 * as measured. A journey's own keys (`own`) are left out: one order writing its own key 10 times caps no
 * rate, and at 100 orders that key's writes would read as 0.1 WCU per order of the whole sale.
 */
export const candidates = (tally: Tally, orders: number, own: OwnKey = () => false): Candidate[] =>
  [...tally.places.keys()].flatMap((place) => {
    const families = familiesOf(tally, place);
    const inFamily = new Set(families.flatMap((f) => [...f.members.keys()]));
    const singles = [...tally.places.get(place)!]
      .filter(([p]) => !inFamily.has(p) && !own(p))
      .map(([partition, k]): Candidate => {
        const tx = k.wcuTx / orders;
        return { place, partition, std: k.wcu / orders, tx, measuredTx: tx, makeup: makeupOf(k, orders) };
      });
    const grouped = families.map((f): Candidate => {
      const e = expectedLoad(tally, f, orders);
      return {
        place,
        partition: `${f.base}#<0..${f.buckets - 1}>`,
        std: e.expectedStd,
        tx: e.expectedTx,
        measuredTx: e.measured.wcuTx,
        family: { buckets: f.buckets, measuredPartition: e.measured.partition },
        makeup: e.makeup,
      };
    });
    return [...singles, ...grouped];
  });

/** Orders per second before `wcuPerOrder` on one partition reaches its 1,000 WCU/s. */
export const ceiling = (wcuPerOrder: number) =>
  wcuPerOrder > 0 ? Math.floor(PARTITION_WCU_PER_SECOND / wcuPerOrder) : Number.POSITIVE_INFINITY;

/**
 * The ceilings: at transactional and at standard pricing (expected load), and from the measured maximum,
 * over the keys orders share. Undefined when nothing shared was written.
 */
export const ceilings = (tally: Tally, orders: number, own: OwnKey = () => false) => {
  const list = candidates(tally, orders, own);
  if (list.length === 0) return undefined;
  const top = (score: (c: Candidate) => number) => list.reduce((a, b) => (score(b) > score(a) ? b : a));
  const tx = top((c) => c.tx);
  const std = top((c) => c.std);
  const measured = top((c) => c.measuredTx);
  return {
    tx: { ...tx, ordersPerSecond: ceiling(tx.tx) },
    std: { ...std, ordersPerSecond: ceiling(std.std) },
    measured: { ...measured, ordersPerSecond: ceiling(measured.measuredTx) },
    /** The ten heaviest candidates at transactional pricing, for the table printed beside the ceiling. */
    ranking: [...list].sort((a, b) => b.tx - a.tx).slice(0, 10),
  };
};
