import { StockAdmin } from './data/admin-stock.ts';
import { LocationRepository } from './data/location-repository.ts';
import { ReservationService } from './data/reserve.ts';
import { StockReader } from './data/stock-reader.ts';

/** The inventory services over one table, wired once per Lambda instance (they share the caches). */
export const inventoryServices = (table: string) => {
  const stock = new StockReader(table);
  const locations = new LocationRepository(table);
  return {
    stock,
    locations,
    admin: new StockAdmin(table, stock, locations),
    reservations: new ReservationService(table, stock, locations),
  };
};
