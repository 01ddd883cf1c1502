import {
  type Address,
  addressSchema,
  type CreateAddressInput,
  type Profile,
  profileSchema,
} from '../domain/schemas.ts';
import { customerKeys, Entity } from './keys.ts';

/** How a profile came to exist: the first authenticated call, or Cognito's post-confirmation trigger. */
export type ProfileSource = 'api' | 'signup';

type Item = Record<string, unknown>;

/** A fresh profile item, as both creation paths write it. */
export const newProfileItem = (
  customerId: string,
  email: string | null,
  source: ProfileSource,
  now: string,
): Item => ({
  ...customerKeys.profile(customerId),
  entity: Entity.customer,
  id: customerId,
  email,
  givenName: null,
  familyName: null,
  phone: null,
  locale: null,
  marketingOptIn: false,
  // Addresses are counted on the profile so the limit is one condition in the write that adds one.
  addressCount: 0,
  defaultShippingAddressId: null,
  defaultBillingAddressId: null,
  source,
  version: 1,
  createdAt: now,
  updatedAt: now,
});

/** A new address item; its default flags live on the profile, not here. */
export const newAddressItem = (
  customerId: string,
  addressId: string,
  input: CreateAddressInput,
  requestHash: string,
  now: string,
): Item => {
  const { isDefaultShipping: _s, isDefaultBilling: _b, ...fields } = input;
  return {
    ...customerKeys.address(customerId, addressId),
    entity: Entity.customerAddress,
    id: addressId,
    ...fields,
    // Lets a replayed Idempotency-Key tell "same request again" from "key reused for another body".
    requestHash,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
};

/** The API view of a profile item (keys and bookkeeping stripped by the schema). */
export const toProfile = (item: Item): Profile => profileSchema.parse(item);

/** Which addresses the profile item names as defaults (ids, or null). */
export interface DefaultPointers {
  readonly defaultShippingAddressId: string | null;
  readonly defaultBillingAddressId: string | null;
}

const idOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The default-address pointers of a profile item. */
export const pointersOf = (profileItem: Item): DefaultPointers => ({
  defaultShippingAddressId: idOrNull(profileItem.defaultShippingAddressId),
  defaultBillingAddressId: idOrNull(profileItem.defaultBillingAddressId),
});

/**
 * The API view of an address item. The default flags are derived from the profile's pointers, so
 * "only one default" holds by construction; a pointer to a deleted address matches nothing (ids are
 * random UUIDs, never reused), which is why deleting an address need not touch the pointer.
 */
export const toAddress = (item: Item, pointers: DefaultPointers): Address =>
  addressSchema.parse({
    ...item,
    isDefaultShipping: pointers.defaultShippingAddressId === item.id,
    isDefaultBilling: pointers.defaultBillingAddressId === item.id,
  });
