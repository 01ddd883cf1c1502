import { CartService } from '#contexts/carts/data/cart-service.ts';
import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { inventoryServices } from '#contexts/inventory/wiring.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { generatedSecret } from '#platform/config/secrets.ts';
import { holdSecondsFor, placeOrderStep } from '../workflow/place-order.ts';

const table = requireEnv('TABLE_NAME');
const customers = new CustomerRepository(table);
const orderTokenKey = generatedSecret('orderTokenKey');
const deps = {
  table,
  carts: new CartService(table),
  orders: new OrderRepository(table),
  reservations: inventoryServices(table).reservations,
  profileEmail: async (customerId: string) => (await customers.get(customerId))?.email,
  holdSeconds: holdSecondsFor(Number(requireEnv('CHECKOUT_PAYMENT_TIMEOUT_SECONDS'))),
};

/**
 * Checkout step 1 (`checkout` workflow): reprice the cart, then hold the stock, create the order,
 * redeem the promotions and close the cart in one transaction. Business refusals are its answer.
 */
export const handler = async (event: unknown) =>
  placeOrderStep({ ...deps, tokenSecret: await orderTokenKey() }, event);
