/** Every key of the customers' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the customers' items. */
export const customerKeyPrefixes = ['CUSTOMER#'] as const;

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
};

/** The `entity` attribute of the customers' items. */
export const Entity = {
  customer: 'CUSTOMER',
  customerAddress: 'CUSTOMER_ADDRESS',
} as const;
