import { adjustStock } from './adjust-stock.ts';
import { createLocation } from './create-location.ts';
import { getLocation } from './get-location.ts';
import { getStock } from './get-stock.ts';
import { listLocations } from './list-locations.ts';
import { listReservations } from './list-reservations.ts';
import { putStock } from './put-stock.ts';
import { putStockFeed } from './put-stock-feed.ts';
import { updateLocation } from './update-location.ts';

/** The operations of the `inventoryAdmin` function: stock per variant, stock locations, reservations. */
export const inventoryAdminOperations = [
  getStock,
  putStock,
  putStockFeed,
  adjustStock,
  listLocations,
  createLocation,
  getLocation,
  updateLocation,
  listReservations,
];
