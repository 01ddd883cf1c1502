// The hot-SKU shard model: reservations/s one variant sustains versus its shard count, from DynamoDB's
// per-partition write limit. Pure simulation (no DynamoDB); run: `npx tsx bench/inventory-shards.ts`.
// Model (docs/inventory.md, "Hot SKUs"): one partition accepts 1,000 WCU/s; a transactional write of an
// item ≤ 1 KB costs 2 WCU, so one shard item takes at most 500 reservations/s. Each reservation picks a
// random shard; a throttled attempt retries on another random shard in the next millisecond, up to 3 times.

const PARTITION_WCU_PER_SECOND = 1000;
const WCU_PER_TRANSACTIONAL_WRITE = 2;
const PER_SHARD = PARTITION_WCU_PER_SECOND / WCU_PER_TRANSACTIONAL_WRITE;

/** Simulates `seconds` of `offered` reservations/s against `shards` shards; returns accepted/s. */
const simulate = (shards: number, offered: number, seconds = 5, maxRetries = 3): number => {
  const tokens = new Array<number>(shards).fill(PER_SHARD / 1000);
  let accepted = 0;
  let carry: number[] = []; // retries due next millisecond (their attempt counts)
  for (let ms = 0; ms < seconds * 1000; ms++) {
    for (let s = 0; s < shards; s++) tokens[s] = Math.min(tokens[s]! + PER_SHARD / 1000, PER_SHARD / 100);
    const arrivals = Math.floor(offered / 1000) + (Math.random() < (offered % 1000) / 1000 ? 1 : 0);
    const attempts = [...carry, ...new Array<number>(arrivals).fill(0)];
    carry = [];
    for (const tried of attempts) {
      const s = Math.floor(Math.random() * shards);
      if (tokens[s]! >= 1) {
        tokens[s]! -= 1;
        accepted++;
      } else if (tried < maxRetries) carry.push(tried + 1);
    }
  }
  return Math.round(accepted / seconds);
};

const rows = [1, 2, 4, 8, 10, 16, 20, 32].map((n) => ({
  shards: n,
  'ceiling (500 × N)': PER_SHARD * n,
  'accepted/s at 5,000 offered': simulate(n, 5_000),
  'accepted/s at 12,000 offered': simulate(n, 12_000),
  'accepted/s at 20,000 offered': simulate(n, 20_000),
}));
console.log(
  `One shard: ${PARTITION_WCU_PER_SECOND} WCU/s ÷ ${WCU_PER_TRANSACTIONAL_WRITE} WCU per transactional write = ${PER_SHARD} reservations/s`,
);
console.table(rows);
