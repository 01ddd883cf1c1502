// The hot-SKU ceiling: orders/s one variant sustains, from DynamoDB's per-partition write limit, for every
// write an order makes on a shared key. Pure arithmetic and simulation (no DynamoDB); run:
// `npx tsx bench/inventory-shards.ts`. Model (docs/inventory.md, "Hot SKUs"): one partition key takes at
// most 1,000 WCU/s, on the table and on every GSI; a transactional write costs 2 WCU per KB (rounded up
// per item); an index entry weighs its projected item (ALL) + 100 bytes. Each order writes its shard's
// level twice (reserve, then commit — or release), so one shard takes 1,000 / (2 × 2) = 250 orders/s.
import { ledgerPut, reservationItem } from '#contexts/inventory/data/items.ts';
import { Entity, reservationKeys, stockKeys } from '#contexts/inventory/data/keys.ts';
import { MAX_SHARDS, type Reservation } from '#contexts/inventory/domain/schemas.ts';

const PARTITION_WCU = 1000;
const TRANSACTIONAL = 2;
const INDEX_ENTRY_OVERHEAD = 100;

/** DynamoDB's size of a value: UTF-8 strings, ~1 byte per 2 significant digits + 1, 3 bytes + 1 per element for lists and maps. */
const sizeOf = (value: unknown): number => {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/\./, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((a: number, v) => a + 1 + sizeOf(v), 0);
  if (typeof value === 'object')
    return 3 + Object.entries(value).reduce((a, [k, v]) => a + 1 + Buffer.byteLength(k) + sizeOf(v), 0);
  return 0;
};
const itemBytes = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((a, [k, v]) => a + Buffer.byteLength(k) + sizeOf(v), 0);
/** WCU of one transactional write of an item (or index entry) of `bytes`. */
const wcu = (bytes: number) => TRANSACTIONAL * Math.ceil(bytes / 1024);

// Ids as checkout makes them (UUID layout), a realistic location id, ISO times.
const uuid = (n: number) => `${String(n).padStart(8, '0')}-1f2e-8a3b-9c4d-5e6f7a8b9c0d`;
const now = '2026-11-27T09:00:00.000Z';
const reservationOf = (lines: number): Reservation => ({
  id: uuid(1),
  ref: `order:${uuid(1)}`,
  status: 'held',
  lines: Array.from({ length: lines }, (_, i) => ({ variantId: uuid(100 + i), quantity: 1 })),
  allocations: Array.from({ length: lines }, (_, i) => ({
    variantId: uuid(100 + i),
    locationId: 'wh-eu-1',
    shard: 47,
    quantity: 1,
  })),
  expiresAt: '2026-11-27T09:15:00.000Z',
  createdAt: now,
});

const level = {
  ...stockKeys.level(uuid(100), MAX_SHARDS - 1, 'wh-eu-1'),
  entity: Entity.stockLevel,
  variantId: uuid(100),
  locationId: 'wh-eu-1',
  shard: MAX_SHARDS - 1,
  onHand: 123_456,
  reserved: 1_234,
  available: 122_222,
  updatedAt: now,
};
const ledger = ledgerPut(
  'table',
  {
    variantId: uuid(100),
    locationId: 'wh-eu-1',
    shard: MAX_SHARDS - 1,
    type: 'sale',
    delta: -1,
    reason: `order order:${uuid(1)}`,
    actor: 'checkout',
    reservationId: uuid(1),
  },
  new Date(now),
).Put!.Item as Record<string, unknown>;
const alert = {
  ...stockKeys.alerts(uuid(100)),
  entity: Entity.stockAlerts,
  variantId: uuid(100),
  lowAlerted: true,
  outAlerted: false,
  lastAvailable: 122_222,
  threshold: 1_000,
  version: 1_234,
  updatedAt: now,
};
const held = (lines: number) => itemBytes(reservationItem(reservationOf(lines))) + INDEX_ENTRY_OVERHEAD;

/** One row per shared key an order writes: writes per order, WCU each, over how many partitions. */
const keys = [
  { key: 'level STOCK#<v>[#<k>] / LEVEL#<loc>', bytes: itemBytes(level), writes: 2, partitions: MAX_SHARDS },
  { key: 'ledger STOCKLOG#<v>#<k>', bytes: itemBytes(ledger), writes: 1, partitions: MAX_SHARDS },
  {
    key: 'held index RESERVATIONS#held#<b> (1 line)',
    bytes: held(1),
    writes: 2,
    partitions: reservationKeys.buckets,
  },
  { key: 'alert state STOCKALERT#<v>', bytes: itemBytes(alert), writes: 0, partitions: 1 },
].map((k) => {
  const perOrder = k.writes * wcu(k.bytes);
  return {
    key: k.key,
    'item bytes': k.bytes,
    'writes/order': k.writes,
    'WCU/order': perOrder,
    partitions: k.partitions,
    'ceiling orders/s': perOrder ? Math.floor((PARTITION_WCU / perOrder) * k.partitions) : 'none per order',
  };
});

const byCartSize = [1, 2, 3, 9, 10, 16, 17, 45, 90].map((lines) => {
  const perOrder = 2 * wcu(held(lines));
  return {
    lines,
    'index entry bytes': held(lines),
    'WCU/order': perOrder,
    [`shop ceiling, ${reservationKeys.buckets} buckets`]: Math.floor(
      (PARTITION_WCU / perOrder) * reservationKeys.buckets,
    ),
  };
});

/**
 * Simulates `seconds` of `offered` orders/s against `shards` shards, each a token bucket of 1,000 WCU/s
 * (burst: 1/10 s): an order takes 4 WCU of one random shard; a throttled one retries on another random
 * shard the next millisecond, up to 3 times. Returns accepted orders/s.
 */
const simulate = (shards: number, offered: number, seconds = 5, maxRetries = 3): number => {
  const perOrder = 2 * wcu(itemBytes(level));
  const tokens = new Array<number>(shards).fill(PARTITION_WCU / 1000);
  let accepted = 0;
  let carry: number[] = [];
  for (let ms = 0; ms < seconds * 1000; ms++) {
    for (let s = 0; s < shards; s++)
      tokens[s] = Math.min(tokens[s]! + PARTITION_WCU / 1000, PARTITION_WCU / 10);
    const arrivals = Math.floor(offered / 1000) + (Math.random() < (offered % 1000) / 1000 ? 1 : 0);
    const attempts = [...carry, ...new Array<number>(arrivals).fill(0)];
    carry = [];
    for (const tried of attempts) {
      const s = Math.floor(Math.random() * shards);
      if (tokens[s]! >= perOrder) {
        tokens[s]! -= perOrder;
        accepted++;
      } else if (tried < maxRetries) carry.push(tried + 1);
    }
  }
  return Math.round(accepted / seconds);
};

const perShard = PARTITION_WCU / (2 * wcu(itemBytes(level)));
const simulated = [1, 8, 16, 32, 40, MAX_SHARDS].map((n) => ({
  shards: n,
  [`ceiling (${perShard} × N)`]: perShard * n,
  'accepted/s at 5,000': simulate(n, 5_000),
  'accepted/s at 10,000': simulate(n, 10_000),
  'accepted/s at 12,000': simulate(n, 12_000),
  'accepted/s at 15,000': simulate(n, 15_000),
}));

console.log(
  `Per order, on each shared key (MAX_SHARDS = ${MAX_SHARDS}, ${reservationKeys.buckets} held-index buckets):`,
);
console.table(keys);
console.log('The held index by cart size (every order of the shop shares its buckets):');
console.table(byCartSize);
console.log(`One SKU, reserve + commit on its shard (${perShard} orders/s per shard):`);
console.table(simulated);
