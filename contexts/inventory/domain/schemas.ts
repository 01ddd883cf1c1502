import { z } from 'zod';
import { lineText } from '#platform/text/schema.ts';

/** Ids in keys: no `#`, so one id can never read as another id plus a key suffix. */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only (at most 64)');

/** Upper bound of any stock figure: far above a real warehouse, far below float imprecision. */
export const MAX_STOCK = 1_000_000_000;

/**
 * Most stock shards a hot variant may have. Setting or adjusting one location's stock is ONE transaction
 * that may touch every shard: a level Update and a ledger Put per shard + InventoryAdjusted, so
 * 2 × 48 + 1 = 97 ≤ 100 items (49 would be the most; locations are separate transactions). 48 shards
 * take 48 × 250 = 12,000 orders/s of one SKU (docs/inventory.md, "Hot SKUs": reserve and commit write
 * the shard once each, 2 WCU apiece, of its 1,000 WCU/s).
 */
export const MAX_SHARDS = 48;

/**
 * Most allocations (line × location) in one reservation. Reserving is ONE TransactWriteItems of at most
 * 100 items (all or nothing): one conditional Update per allocation, the reservation, StockReserved and
 * the caller's companion items (checkout: ~5–8). 90 + 2 + 8 = 100. Settling needs up to two items per
 * allocation and is applied in chunks when it does not fit one transaction (see settle.ts).
 */
export const MAX_ALLOCATIONS = 90;

/** How long a reservation holds stock unless the caller says otherwise, and the most it may ask for. */
export const DEFAULT_HOLD_SECONDS = 15 * 60;
export const MAX_HOLD_SECONDS = 24 * 60 * 60;

export const variantId = id;
export const locationId = id;
export const reservationId = id;
export const quantity = z.number().int().positive().max(MAX_STOCK);
const stockFigure = z.number().int().min(0).max(MAX_STOCK);

export const locationKind = z.enum(['warehouse', 'store']);
/** Sales regions a location serves (`EU`, `US-EAST`); empty = every region. */
const region = z.string().regex(/^[A-Z0-9-]{2,16}$/);

/** A stock location. Lower `priority` is preferred when an order has to be split. */
export const stockLocation = z.object({
  id: locationId,
  name: z.string().min(1).max(120),
  kind: locationKind,
  priority: z.number().int().min(0).max(1000),
  regions: z.array(region).max(50),
  active: z.boolean(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StockLocation = z.infer<typeof stockLocation>;

export const createLocationInput = z.strictObject({
  id: locationId,
  name: lineText().min(1).max(120),
  kind: locationKind,
  priority: z.number().int().min(0).max(1000).default(100),
  regions: z.array(region).max(50).default([]),
});
export const updateLocationInput = z.strictObject({
  version: z.number().int().positive(),
  name: lineText().min(1).max(120).optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  regions: z.array(region).max(50).optional(),
  active: z.boolean().optional(),
});

/** One variant's stock at one location: `available` = `onHand` − `reserved`, never below zero. */
export const stockLevel = z.object({
  locationId,
  onHand: stockFigure,
  reserved: stockFigure,
  available: stockFigure,
});
export type StockLevel = z.infer<typeof stockLevel>;

/** A variant's stock: settings plus its levels per location (shards summed). */
export const variantStock = z.object({
  variantId,
  shards: z.number().int().min(1).max(MAX_SHARDS),
  lowStockThreshold: stockFigure,
  levels: z.array(stockLevel),
  onHand: stockFigure,
  reserved: stockFigure,
  available: stockFigure,
});
export type VariantStock = z.infer<typeof variantStock>;

/** `PUT /admin/inventory/{variantId}`: absolute on-hand per location, threshold, and shard count. */
export const putStockInput = z.strictObject({
  levels: z
    .array(z.strictObject({ locationId, onHand: stockFigure }))
    .max(50)
    .default([]),
  lowStockThreshold: stockFigure.optional(),
  shards: z.number().int().min(1).max(MAX_SHARDS).optional(),
  reason: lineText().min(1).max(200).default('stock count'),
});
export type PutStockInput = z.infer<typeof putStockInput>;

export const adjustmentType = z.enum(['receipt', 'correction', 'shrinkage', 'return']);
/** `POST /admin/inventory/{variantId}/adjustments`: quantities are positive; `direction` says which way. */
export const adjustmentInput = z.strictObject({
  locationId,
  type: adjustmentType,
  quantity,
  /** Receipts and returns add, shrinkage removes; a correction says which way it goes. */
  direction: z.enum(['increase', 'decrease']).optional(),
  reason: lineText().min(1).max(200),
});
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

/**
 * What a ledger entry records: every change of `onHand`, so the ledger replays to it; and the units a
 * fulfillment takes out of a location or puts back (`fulfillment`, `fulfillment_canceled`, with
 * `quantity`), even when they change no figure because the sale already took them off.
 */
export const ledgerType = z.enum([
  ...adjustmentType.options,
  'sale',
  'transfer',
  'fulfillment',
  'fulfillment_canceled',
]);
export type LedgerType = z.infer<typeof ledgerType>;

export const reservationStatus = z.enum(['held', 'committed', 'released']);
export type ReservationStatus = z.infer<typeof reservationStatus>;

/** Where one line's units are held: location and the shard they came from (release returns there). */
export const allocation = z.object({ variantId, locationId, shard: z.number().int().min(0), quantity });
export type Allocation = z.infer<typeof allocation>;

export const reservationLine = z.strictObject({ variantId, quantity });
export type ReservationLine = z.infer<typeof reservationLine>;

/** What reserve() takes: every line or none. `ref` is the order or cart the stock is held for. */
export const reserveInput = z.strictObject({
  reservationId,
  ref: z.string().regex(/^[A-Za-z0-9:_-]{1,100}$/),
  lines: z.array(reservationLine).min(1).max(MAX_ALLOCATIONS),
  holdSeconds: z.number().int().min(1).max(MAX_HOLD_SECONDS).default(DEFAULT_HOLD_SECONDS),
  region: region.optional(),
  /** Only these locations may fill it (a sales channel's); absent: every location. */
  locationIds: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
});
export type ReserveInput = z.input<typeof reserveInput>;

export const reservation = z.object({
  id: reservationId,
  ref: z.string(),
  status: reservationStatus,
  lines: z.array(reservationLine),
  allocations: z.array(allocation),
  expiresAt: z.string(),
  createdAt: z.string(),
  settledAt: z.string().optional(),
  settledBy: z.enum(['release', 'commit', 'expiry']).optional(),
  /**
   * Once settled: how many allocations (in order) have had their stock writes applied. Below
   * `allocations.length` while a large settlement's chunks are pending; those units still count as reserved.
   */
  settledThrough: z.number().int().min(0).max(MAX_ALLOCATIONS).optional(),
  /**
   * Of a committed reservation whose sale was undone (a canceled order): how many allocations (in order)
   * have had their units put back. Absent: none.
   */
  restockedThrough: z.number().int().min(0).max(MAX_ALLOCATIONS).optional(),
});
export type Reservation = z.infer<typeof reservation>;

/** Path of the one-variant admin routes (`/admin/inventory/{variantId}…`). */
export const variantPath = z.strictObject({ variantId });
/** Path of the one-location admin routes (`/admin/stock-locations/{locationId}`). */
export const locationPath = z.strictObject({ locationId });

/** `GET /admin/reservations`: one order's reservation (`ref` `order:<orderId>`), or the held ones expiring soonest. */
export const reservationsQuery = z.strictObject({
  ref: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,100}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
