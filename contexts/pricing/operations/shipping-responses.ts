import { ShippingOptionRepository } from '../data/shipping-repository.ts';

/** Admin responses are never cached: an admin reads back what was just written. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** The option's URL path (the `location` of a create). */
export const shippingOptionUrl = (optionId: string) => `/admin/shipping-options/${optionId}`;

/** The repository over one table, built once per Lambda instance. */
export const shippingOptions = (table: string) => new ShippingOptionRepository(table);
