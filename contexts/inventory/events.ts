import { z } from 'zod';
import {
  adjustmentType,
  allocation,
  ledgerType,
  MAX_ALLOCATIONS,
  reservationLine,
} from './domain/schemas.ts';

/** The bus source of every inventory event. */
export const INVENTORY_SOURCE = 'commerce.inventory' as const;

const variantId = z.string().max(64);
const reservationId = z.string().max(64);
const ref = z.string().max(100);

/** `StockReserved`: units are held for an order or cart until `expiresAt`. */
export const stockReservedData = z.object({
  reservationId,
  ref,
  lines: z.array(reservationLine).max(MAX_ALLOCATIONS),
  allocations: z.array(allocation).max(MAX_ALLOCATIONS),
  expiresAt: z.string(),
});

/** `StockReleased`: a held reservation's units are available again (`reason` says why). */
export const stockReleasedData = z.object({
  reservationId,
  ref,
  allocations: z.array(allocation).max(MAX_ALLOCATIONS),
  reason: z.enum(['released', 'expired']),
});

/** `StockCommitted`: a held reservation's units left stock for good (the order was paid). */
export const stockCommittedData = z.object({
  reservationId,
  ref,
  allocations: z.array(allocation).max(MAX_ALLOCATIONS),
});

/** `ReservationExpired`: a held reservation passed its expiry and the sweep released it. */
export const reservationExpiredData = z.object({ reservationId, ref, expiresAt: z.string() });

/** `LowStock`: a variant's total available stock (all locations and shards) crossed to or below its threshold; once per crossing. */
export const lowStockData = z.object({ variantId, available: z.number().int(), threshold: z.number().int() });

/** `OutOfStock`: a variant's total available stock (all locations and shards) reached zero; once per crossing. */
export const outOfStockData = z.object({ variantId });

/** `InventoryAdjusted`: on-hand stock changed by an admin (count, receipt, shrinkage, return, reshard). */
export const inventoryAdjustedData = z.object({
  variantId,
  locationId: z.string().max(64),
  type: z.union([adjustmentType, ledgerType]),
  delta: z.number().int(),
  onHand: z.number().int(),
  reason: z.string().max(200),
  actor: z.string().max(200),
});

/**
 * `AvailabilityChanged`: what a sales channel can sell of a variant changed significantly (its first
 * figure, a new status, or a move of 10% or more since the last one published): for marketplace and
 * storefront connectors. One event per channel; `available` counts the channel's locations.
 */
export const availabilityChangedData = z.object({
  variantId,
  channelId: z.string().max(40),
  available: z.number().int().min(0),
  previous: z.number().int().min(0).nullable(),
  status: z.enum(['in_stock', 'low', 'out']),
});

/** Every inventory event with its `data` schema (for the events catalog and for consumers). */
export const inventoryEvents = [
  { source: INVENTORY_SOURCE, detailType: 'StockReserved', schema: stockReservedData },
  { source: INVENTORY_SOURCE, detailType: 'StockReleased', schema: stockReleasedData },
  { source: INVENTORY_SOURCE, detailType: 'StockCommitted', schema: stockCommittedData },
  { source: INVENTORY_SOURCE, detailType: 'ReservationExpired', schema: reservationExpiredData },
  { source: INVENTORY_SOURCE, detailType: 'LowStock', schema: lowStockData },
  { source: INVENTORY_SOURCE, detailType: 'OutOfStock', schema: outOfStockData },
  { source: INVENTORY_SOURCE, detailType: 'InventoryAdjusted', schema: inventoryAdjustedData },
  { source: INVENTORY_SOURCE, detailType: 'AvailabilityChanged', schema: availabilityChangedData },
] as const;

export type InventoryEventType = (typeof inventoryEvents)[number]['detailType'];
