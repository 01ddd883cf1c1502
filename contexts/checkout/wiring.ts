import { CartService } from '#contexts/carts/cart-service.ts';
import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';

/** The services the placing step uses over one table, wired once per Lambda instance. */
export const checkoutServices = (table: string) => ({
  table,
  carts: new CartService(table),
  orders: new OrderRepository(table),
  reservations: inventoryServices(table).reservations,
  profileEmail: async (customerId: string) => (await new CustomerRepository(table).get(customerId))?.email,
});
