/** Every key of the inventory's items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the inventory's items (table and index partitions). */
export const inventoryKeyPrefixes = [
  'STOCK#',
  'STOCKALERT#',
  'STOCKLOG#',
  'STOCKLOC#',
  'STOCK_LOCATIONS',
  'RESERVATION#',
  'RESERVATIONS#',
  'STOCKSYNC#',
  // gsi2 entries of reservations stored before they were read by key (kept so no context reuses it).
  'RESERVATION_REF#',
] as const;

/**
 * Stock (see docs/inventory.md). A variant's stock lives in shard partitions: shard 0 is
 * `STOCK#<variantId>` (it also holds the variant's SETTINGS), shard k > 0 is `STOCK#<variantId>#<k>`, so a
 * hot variant's writes spread over N partitions. Each shard holds one LEVEL item per location, and its own
 * ledger partition, so commits scale with the shards too. Nothing else is written in a shard partition
 * per order: the alert state has its own partition.
 */
export const stockKeys = {
  shardPartition: (variantId: string, shard: number) =>
    shard === 0 ? `STOCK#${variantId}` : `STOCK#${variantId}#${shard}`,
  settings: (variantId: string) => ({ pk: `STOCK#${variantId}`, sk: 'SETTINGS' }),
  /**
   * The stockAlerts monitor's state (which alerts fired) and the stock summary carts read, in its own
   * partition: it is written only when it changes, and never shares shard 0's write budget.
   */
  alerts: (variantId: string) => ({ pk: `STOCKALERT#${variantId}`, sk: 'ALERTS' }),
  /** Where the alert state was kept before `stock-alerts-v1` moved it (shard 0's partition). */
  legacyAlerts: (variantId: string) => ({ pk: `STOCK#${variantId}`, sk: 'ALERTS' }),
  level: (variantId: string, shard: number, locationId: string) => ({
    pk: stockKeys.shardPartition(variantId, shard),
    sk: `LEVEL#${locationId}`,
  }),
  levelPrefix: 'LEVEL#',
  ledgerPartition: (variantId: string, shard: number) => `STOCKLOG#${variantId}#${shard}`,
  ledger: (variantId: string, shard: number, at: string, id: string) => ({
    pk: stockKeys.ledgerPartition(variantId, shard),
    sk: `${at}#${id}`,
  }),
};

/**
 * A stock feed run (`PUT /admin/inventory`, named by its `syncId`): its record (fingerprint, state, the
 * report once done) and a marker per applied `adjust` row, written in that row's own transaction so a
 * retried feed never applies a change twice. Both expire after a week.
 */
export const stockSyncKeys = {
  sync: (syncId: string) => ({ pk: `STOCKSYNC#${syncId}`, sk: 'SYNC' }),
  row: (syncId: string, index: number) => ({ pk: `STOCKSYNC#${syncId}`, sk: `ROW#${index}` }),
};

/** A stock location; gsi1 `STOCK_LOCATIONS` lists them all in one Query (there are few). */
export const stockLocationKeys = {
  location: (locationId: string) => ({ pk: `STOCKLOC#${locationId}`, sk: 'LOCATION' }),
  list: (locationId: string) => ({ gsi1pk: 'STOCK_LOCATIONS', gsi1sk: locationId }),
  listPartition: 'STOCK_LOCATIONS',
};

/**
 * A reservation. While held it sits in gsi1 "held, soonest expiry first", spread over `buckets`
 * partitions so thousands of reservations a second never meet on one index partition: each order puts
 * its entry and deletes it, 2 index writes of the whole item, so 128 buckets take 16,000 orders/s of
 * reservations up to about 9 lines (≤ 2 KB) and 10,666 up to 16 (docs/inventory.md); the expiry sweep reads
 * every bucket. The count only grows, by multiples: an entry written under a smaller count (16 before)
 * sits in a bucket the sweep still reads. It has no other index entry: the
 * reservation of an order has the order's id (checkout names it so), so support reads it by key.
 */
export const reservationKeys = {
  reservation: (reservationId: string) => ({ pk: `RESERVATION#${reservationId}`, sk: 'RESERVATION' }),
  buckets: 128,
  heldPartition: (bucket: number) => `RESERVATIONS#held#${bucket}`,
  held: (bucket: number, holdUntil: string, reservationId: string) => ({
    gsi1pk: `RESERVATIONS#held#${bucket}`,
    gsi1sk: `${holdUntil}#${reservationId}`,
  }),
};

/** The `entity` attribute of the inventory's items. */
export const Entity = {
  stockSettings: 'STOCK_SETTINGS',
  stockLevel: 'STOCK_LEVEL',
  stockLedger: 'STOCK_LEDGER',
  stockLocation: 'STOCK_LOCATION',
  stockAlerts: 'STOCK_ALERTS',
  reservation: 'RESERVATION',
  stockSync: 'STOCK_SYNC',
  stockSyncRow: 'STOCK_SYNC_ROW',
} as const;
