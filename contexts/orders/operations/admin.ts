import { adminGetOrder } from './admin-get-order.ts';
import { adminListOrders } from './admin-list-orders.ts';
import { adminCancelOrder } from './cancel-order.ts';

/** The operations of the `ordersAdmin` function: the back office's view of every order. */
export const orderAdminOperations = [adminListOrders, adminGetOrder, adminCancelOrder];
