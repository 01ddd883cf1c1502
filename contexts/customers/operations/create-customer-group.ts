import { z } from 'zod';
import { idempotencyKey, idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { createGroupInput, customerGroupSchema } from '../domain/groups.ts';
import { customerOperation } from '../wiring.ts';
import { noStore } from './responses.ts';

/** POST /admin/customer-groups: a new, empty group with `CustomerGroupCreated` (1 conditional PutItem). */
export const createCustomerGroup = customerOperation({
  route: 'POST /admin/customer-groups',
  access: 'admin',
  operationId: 'adminCreateCustomerGroup',
  summary: 'Create a customer group',
  description:
    'Price lists and promotions may be limited to groups. With an `Idempotency-Key` a retry answers the ' +
    'group it created.',
  tags: ['admin'],
  request: { body: createGroupInput, headers: z.object({ 'idempotency-key': idempotencyKey.optional() }) },
  responses: {
    201: {
      description: 'The new group (version 1, no members)',
      schema: customerGroupSchema,
      headers: z.object({
        location: z.string().meta({ description: 'The group’s URL path' }),
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .meta({ description: 'Present when this answers a retry of an earlier request' }),
      }),
    },
  },
  problems: { 422: ['idempotency_key_reused'] },
  handle: async ({ body, event }, { groups }) => {
    const key = idempotencyKeyOf(event);
    const { group, replayed } = await groups.create(body, key === undefined ? {} : { idempotencyKey: key });
    return json(201, group, {
      location: `/admin/customer-groups/${group.id}`,
      ...noStore,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  },
});
