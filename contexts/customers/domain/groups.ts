import { z } from 'zod';
import { expectedVersion } from '#contexts/catalog/domain/admin-inputs.ts';
import { lineText, multilineText } from '#platform/text/schema.ts';
import { customerId, profileSchema } from './schemas.ts';

export const customerGroupId = z.string().min(1).max(64);

/** A customer group (B2B accounts, loyalty tiers): price lists and promotions may be limited to groups. */
export const customerGroupSchema = z.object({
  id: customerGroupId,
  name: z.string().max(120),
  description: z.string().max(1000).optional(),
  memberCount: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CustomerGroup = z.infer<typeof customerGroupSchema>;

const name = lineText().trim().min(1).max(120);

/** `POST /admin/customer-groups`. */
export const createGroupInput = z.strictObject({ name, description: multilineText().max(1000).optional() });
export type CreateGroupInput = z.infer<typeof createGroupInput>;

/** `PATCH /admin/customer-groups/{groupId}`: `null` removes the description. */
export const updateGroupInput = z
  .strictObject({
    version: expectedVersion,
    name: name.optional(),
    description: multilineText().max(1000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 1, { message: 'Nothing to change: send at least one field' });
export type UpdateGroupInput = z.infer<typeof updateGroupInput>;

export const groupPath = z.strictObject({ groupId: customerGroupId });

export const groupPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const groupPageSchema = z.object({
  items: z.array(customerGroupSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type GroupPage = z.infer<typeof groupPageSchema>;

export const memberSchema = z.object({ customerId, addedAt: z.iso.datetime() });
export const memberPageSchema = z.object({
  items: z.array(memberSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});
export type MemberPage = z.infer<typeof memberPageSchema>;

/** The most customers one membership request may add and remove together. */
export const MAX_MEMBERSHIP_CHANGES = 50;

/** `POST /admin/customer-groups/{groupId}/customers`. */
export const membershipInput = z
  .strictObject({
    add: z.array(customerId).max(MAX_MEMBERSHIP_CHANGES).default([]),
    remove: z.array(customerId).max(MAX_MEMBERSHIP_CHANGES).default([]),
  })
  .refine((b) => b.add.length + b.remove.length <= MAX_MEMBERSHIP_CHANGES, {
    message: `At most ${MAX_MEMBERSHIP_CHANGES} customers (add and remove together)`,
  })
  .refine((b) => b.add.length + b.remove.length > 0, { message: 'Nothing to change' });
export type MembershipInput = z.infer<typeof membershipInput>;

/** What happened to one customer of a membership request. */
export const membershipStatus = z.enum([
  'ok',
  'already_member',
  'not_member',
  'customer_not_found',
  'duplicate',
]);
export type MembershipStatus = z.infer<typeof membershipStatus>;

export const membershipReportSchema = z.object({
  results: z
    .array(z.object({ op: z.enum(['add', 'remove']), customerId, status: membershipStatus }))
    .max(MAX_MEMBERSHIP_CHANGES),
  memberCount: z.number().int().nonnegative(),
});
export type MembershipReport = z.infer<typeof membershipReportSchema>;

/** The admin's view of a customer: the profile and the groups the customer is in. */
export const adminCustomerSchema = profileSchema.extend({ groupIds: z.array(customerGroupId).max(1000) });
export type AdminCustomer = z.infer<typeof adminCustomerSchema>;

export const adminCustomerPath = z.strictObject({ customerId });
