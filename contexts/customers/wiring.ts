import { operationOf } from '#platform/http/operation.ts';
import { AddressRepository } from './data/address-repository.ts';
import { CustomerRepository } from './data/customer-repository.ts';

/** What the customer's own operations use, wired once per Lambda instance over one table. */
export const customerServices = (table: string) => ({
  table,
  customers: new CustomerRepository(table),
  addresses: new AddressRepository(table),
});
export type CustomerServices = ReturnType<typeof customerServices>;

/** Declares an operation of the `customers` function (typed with its services). */
export const customerOperation = operationOf<CustomerServices>();
