import { CartService } from '../carts/service.ts';
import { CustomerRepository } from '../customers/customer-repository.ts';
import { inventoryServices } from '../inventory/services.ts';
import { OrderRepository } from '../orders/repository.ts';

/** The services the placing step uses over one table, wired once per Lambda instance. */
export const checkoutServices = (table: string) => ({
  table,
  carts: new CartService(table),
  orders: new OrderRepository(table),
  reservations: inventoryServices(table).reservations,
  profileEmail: async (customerId: string) => (await new CustomerRepository(table).get(customerId))?.email,
});
