import { operationOf } from '#platform/http/operation.ts';
import { AddressRepository } from './data/address-repository.ts';
import { CustomerRepository } from './data/customer-repository.ts';
import { CustomerGroupRepository } from './data/group-repository.ts';

/** What the customers function's operations use (own profile, and the admin's groups), wired once per Lambda instance. */
export const customerServices = (table: string, cursorKey: string) => ({
  table,
  cursorKey,
  groups: new CustomerGroupRepository(table, cursorKey),
  customers: new CustomerRepository(table),
  addresses: new AddressRepository(table),
});
export type CustomerServices = ReturnType<typeof customerServices>;

/** Declares an operation of the `customers` function (typed with its services). */
export const customerOperation = operationOf<CustomerServices>();
