import { z } from 'zod';
import { customerGroupSchema } from './domain/groups.ts';

/** The bus source of every customers event. */
export const CUSTOMERS_SOURCE = 'commerce.customers' as const;

/** The data of `CustomerGroupCreated` and `CustomerGroupUpdated`: the group without its counts and times. */
export const groupData = customerGroupSchema.pick({ id: true, name: true, description: true, version: true });

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
] as const;
