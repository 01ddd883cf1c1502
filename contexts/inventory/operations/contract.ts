import { z } from 'zod';
import { MAX_RESERVATIONS_LISTED } from '#contexts/inventory/data/reservation-queries.ts';
import {
  adjustmentInput,
  createLocationInput,
  putStockInput,
  reservation,
  stockLocation,
  updateLocationInput,
  variantStock,
} from '#contexts/inventory/domain/schemas.ts';
import { locationPath, reservationsQuery, variantPath } from '#contexts/inventory/operations/params.ts';
import { defineOperations } from '#platform/contract/operation.ts';

const noStore = 'Never cached: stock moves every second';

/** Stock per variant and location, stock locations, and reservations for support staff. */
export const inventoryOperations = defineOperations([
  {
    route: 'GET /admin/inventory/{variantId}',
    operationId: 'adminGetStock',
    summary: 'A variant’s stock per location',
    description: `On-hand, reserved and available per location (a hot variant's shards summed). ${noStore}.`,
    tags: ['admin'],
    request: { path: variantPath },
    responses: { 200: { description: 'The stock', schema: variantStock } },
    problems: { 404: ['variant_not_stocked'] },
  },
  {
    route: 'PUT /admin/inventory/{variantId}',
    operationId: 'adminPutStock',
    summary: 'Set on-hand per location, the low-stock threshold and the shard count',
    description:
      'Each level is an absolute count, recorded in the ledger as a correction. `shards` > 1 marks the ' +
      'variant hot: its stock is spread over that many items so one SKU is not capped by one partition.',
    tags: ['admin'],
    request: { path: variantPath, body: putStockInput },
    responses: { 200: { description: 'The stock after the change', schema: variantStock } },
    problems: {
      404: ['location_not_found'],
      409: ['version_conflict', 'stock_changed', 'shards_busy'],
      422: ['below_reserved'],
    },
  },
  {
    route: 'POST /admin/inventory/{variantId}/adjustments',
    operationId: 'adminAdjustStock',
    summary: 'Record a receipt, correction, shrinkage or return',
    tags: ['admin'],
    request: { path: variantPath, body: adjustmentInput },
    responses: { 201: { description: 'The stock after the adjustment', schema: variantStock } },
    problems: {
      404: ['location_not_found'],
      409: ['stock_changed'],
      422: ['negative_on_hand', 'insufficient_available'],
    },
  },
  {
    route: 'GET /admin/stock-locations',
    operationId: 'adminListStockLocations',
    summary: 'Every stock location',
    tags: ['admin'],
    responses: { 200: { description: 'The locations', schema: z.object({ items: z.array(stockLocation) }) } },
  },
  {
    route: 'POST /admin/stock-locations',
    operationId: 'adminCreateStockLocation',
    summary: 'Create a warehouse or store',
    tags: ['admin'],
    request: { body: createLocationInput },
    responses: {
      201: {
        description: 'The new location',
        schema: stockLocation,
        headers: z.object({ location: z.string().meta({ description: 'The location’s URL path' }) }),
      },
    },
    problems: { 409: ['location_exists'] },
  },
  {
    route: 'GET /admin/stock-locations/{locationId}',
    operationId: 'adminGetStockLocation',
    summary: 'One stock location',
    tags: ['admin'],
    request: { path: locationPath },
    responses: { 200: { description: 'The location', schema: stockLocation } },
    problems: { 404: ['location_not_found'] },
  },
  {
    route: 'PATCH /admin/stock-locations/{locationId}',
    operationId: 'adminUpdateStockLocation',
    summary: 'Change or (de)activate a stock location',
    description:
      'Locations are deactivated (`active: false`), never deleted: levels and reservations name them.',
    tags: ['admin'],
    request: { path: locationPath, body: updateLocationInput },
    responses: { 200: { description: 'The changed location', schema: stockLocation } },
    problems: { 404: ['location_not_found'], 409: ['version_conflict'] },
  },
  {
    route: 'GET /admin/reservations',
    operationId: 'adminListReservations',
    summary: 'Reservations of an order or cart, or the held ones expiring soonest',
    tags: ['admin'],
    request: { query: reservationsQuery },
    responses: {
      200: {
        description: 'The reservations',
        schema: z.object({ items: z.array(reservation).max(MAX_RESERVATIONS_LISTED) }),
      },
    },
  },
]);
