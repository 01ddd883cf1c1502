import { type CustomerGroup, customerGroupSchema } from '../domain/groups.ts';
import { customerGroupKeys, Entity } from './keys.ts';

type Item = Record<string, unknown>;

/** The item of a customer group (in the admin list's gsi1). */
export const groupItem = (group: CustomerGroup, requestHash?: string): Item => ({
  ...customerGroupKeys.group(group.id),
  ...customerGroupKeys.list(group.createdAt, group.id),
  entity: Entity.customerGroup,
  ...group,
  ...(requestHash === undefined ? {} : { requestHash }),
});

/** The API view of a group item. */
export const groupFromItem = (item: Item): CustomerGroup => customerGroupSchema.parse(item);

/** A profile's group ids (a string set in the table), sorted; none when absent. */
export const groupIdsOf = (profile: Item): string[] =>
  profile.groupIds instanceof Set ? [...(profile.groupIds as Set<string>)].sort() : [];
