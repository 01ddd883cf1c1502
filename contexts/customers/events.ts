import { z } from 'zod';
import { customerGroupSchema } from './domain/groups.ts';
import { erasureBy } from './domain/privacy.ts';

/** The bus source of every customers event. */
export const CUSTOMERS_SOURCE = 'commerce.customers' as const;

/** The data of `CustomerGroupCreated` and `CustomerGroupUpdated`: the group without its counts and times. */
export const groupData = customerGroupSchema.pick({ id: true, name: true, description: true, version: true });

/**
 * The data of `CustomerErased`: ids and counts only, never the data that was erased. Consumers holding
 * anything keyed by this customer id (a newsletter, a CRM, a warehouse export) erase it on receipt.
 */
export const customerErasedData = z.object({
  customerId: z.string().max(128),
  by: erasureBy,
  ordersAnonymised: z.number().int().nonnegative(),
  cartsDeleted: z.number().int().nonnegative(),
  erasedAt: z.iso.datetime(),
});

const membership = z.object({ groupId: customerGroupSchema.shape.id, customerId: z.string().max(128) });

/** Every customers event with its `data` schema (for the events catalog and for consumers). */
export const customerEvents = [
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerGroupCreated',
    schema: groupData,
    description: 'A customer group was created (no members yet).',
  },
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerGroupUpdated',
    schema: groupData,
    description: 'A customer group’s name or description changed.',
  },
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerGroupDeleted',
    schema: z.object({ id: customerGroupSchema.shape.id }),
    description: 'An empty customer group was deleted.',
  },
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerAddedToGroup',
    schema: membership,
    description: 'A customer joined a group (their carts reprice on their next read or change).',
  },
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerRemovedFromGroup',
    schema: membership,
    description: 'A customer left a group.',
  },
  {
    source: CUSTOMERS_SOURCE,
    detailType: 'CustomerErased',
    schema: customerErasedData,
    description:
      'A customer’s personal data was erased (GDPR art. 17): profile and addresses deleted, open carts deleted, orders anonymised. Erase what you hold for this customer id.',
  },
] as const;
