import { cancelOrder } from './cancel-order.ts';
import { getOrder } from './get-order.ts';
import { listMyOrders } from './list-my-orders.ts';

/** The operations of the `ordersStore` function: a shopper's own orders (customer or guest). */
export const orderStoreOperations = [getOrder, listMyOrders, cancelOrder];
