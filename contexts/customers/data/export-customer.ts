import { cartFromItem } from '#contexts/carts/data/items.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { CustomerExport } from '../domain/privacy.ts';
import { type CustomerRepository, composeCustomer } from './customer-repository.ts';
import { groupIdsOf } from './group-items.ts';
import { customerOpenCarts, customerOrderRows, exportedOrders } from './privacy-reads.ts';

/**
 * Everything we hold about a customer (GDPR art. 15 and 20), read by key and index only: the profile
 * and addresses (1 Query), open carts and order rows (gsi1, every page), then each order in full. Never
 * creates a profile: exporting an unknown customer answers an empty export.
 */
export const exportCustomer = async (
  table: string,
  customers: CustomerRepository,
  customerId: string,
  now = new Date(),
): Promise<CustomerExport> => {
  const [stored, carts, rows] = await Promise.all([
    customers.getRaw(customerId),
    customerOpenCarts(table, customerId),
    customerOrderRows(table, customerId),
  ]);
  return {
    customerId,
    exportedAt: now.toISOString(),
    profile: stored ? composeCustomer(stored.profile, stored.addresses) : null,
    groupIds: stored ? groupIdsOf(stored.profile) : [],
    carts: carts.map(cartFromItem),
    orders: await exportedOrders(table, new OrderRepository(table), rows),
  };
};
