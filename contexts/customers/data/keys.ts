/** Every key of the customers' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the customers' items. */
export const customerKeyPrefixes = ['CUSTOMER#', 'CUSTOMER_GROUP#', 'CUSTOMER_GROUPS'] as const;

const CUSTOMER = 'CUSTOMER#';

/**
 * Keys of one customer's item collection: the profile and every address share the partition of the
 * customer's id (the token's `sub`, which never changes), so the whole customer is one Query.
 */
export const customerKeys = {
  collection: (customerId: string) => ({ pk: `${CUSTOMER}${customerId}` }),
  profile: (customerId: string) => ({ pk: `${CUSTOMER}${customerId}`, sk: 'PROFILE' }),
  address: (customerId: string, addressId: string) => ({
    pk: `${CUSTOMER}${customerId}`,
    sk: `ADDRESS#${addressId}`,
  }),
  addressPrefix: 'ADDRESS#',
  /**
   * The record of one erasure (who asked, when, what it did): kept in the erased customer's partition,
   * ids and counts only, so the erasure itself stays provable while no personal data remains.
   */
  erasure: (customerId: string, erasedAt: string) => ({
    pk: `${CUSTOMER}${customerId}`,
    sk: `ERASURE#${erasedAt}`,
  }),
};

/**
 * A customer group and, in its partition, one `MEMBER#<customerId>` item per member (the paginated member
 * list). The member's profile carries the group ids too (`groupIds`, a string set), so a cart, which
 * reads the profile anyway, learns the groups without another request. gsi1 `CUSTOMER_GROUPS` lists the
 * groups for the admin, newest first.
 */
export const customerGroupKeys = {
  group: (groupId: string) => ({ pk: `CUSTOMER_GROUP#${groupId}`, sk: 'GROUP' }),
  member: (groupId: string, customerId: string) => ({
    pk: `CUSTOMER_GROUP#${groupId}`,
    sk: `MEMBER#${customerId}`,
  }),
  partition: (groupId: string) => `CUSTOMER_GROUP#${groupId}`,
  memberPrefix: 'MEMBER#',
  list: (createdAt: string, groupId: string) => ({
    gsi1pk: 'CUSTOMER_GROUPS',
    gsi1sk: `${createdAt}#${groupId}`,
  }),
  listPartition: 'CUSTOMER_GROUPS',
};

/** The `entity` attribute of the customers' items. */
export const Entity = {
  customer: 'CUSTOMER',
  customerAddress: 'CUSTOMER_ADDRESS',
  customerErasure: 'CUSTOMER_ERASURE',
  customerGroup: 'CUSTOMER_GROUP',
  customerGroupMember: 'CUSTOMER_GROUP_MEMBER',
} as const;
