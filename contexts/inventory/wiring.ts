import { operationOf } from '#platform/http/operation.ts';
import { StockAdmin } from './data/admin-stock.ts';
import { LocationRepository } from './data/location-repository.ts';
import { ReservationService } from './data/reserve.ts';
import { StockFeed } from './data/stock-feed.ts';
import { StockReader } from './data/stock-reader.ts';

/**
 * The inventory services over one table, wired once per Lambda instance (they share the caches): the
 * `inventoryAdmin` function's, and the reservations checkout's placing step uses.
 */
export const inventoryServices = (table: string) => {
  const stock = new StockReader(table);
  const locations = new LocationRepository(table);
  const admin = new StockAdmin(table, stock, locations);
  return {
    table,
    stock,
    locations,
    admin,
    feed: new StockFeed(table, admin, locations),
    reservations: new ReservationService(table, stock, locations),
  };
};
export type InventoryServices = ReturnType<typeof inventoryServices>;

/** Declares an operation of the `inventoryAdmin` function (typed with its services). */
export const inventoryAdminOperation = operationOf<InventoryServices>();
