import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { cancellationReasons } from '#platform/data/conditions.ts';
import type { Address, UpdateAddressInput } from '../domain/schemas.ts';
import { addressNotFound } from './address-repository.ts';
import { CustomerRepository, versionConflict } from './customer-repository.ts';
import { type DefaultPointers, pointersOf, toAddress } from './items.ts';
import { customerKeys } from './keys.ts';

type Pointer = 'defaultShippingAddressId' | 'defaultBillingAddressId';
type Item = Record<string, unknown>;

/** The profile pointers after the change, and the expressions that make it (empty when none). */
const pointerChanges = (addressId: string, input: UpdateAddressInput, current: DefaultPointers) => {
  const next: Record<Pointer, string | null> = { ...current };
  const sets: string[] = [];
  const conditions: string[] = [];
  const flags: [Pointer, boolean | undefined][] = [
    ['defaultShippingAddressId', input.isDefaultShipping],
    ['defaultBillingAddressId', input.isDefaultBilling],
  ];
  for (const [pointer, flag] of flags) {
    if (flag === true && current[pointer] !== addressId) {
      next[pointer] = addressId;
      sets.push(`${pointer} = :id`);
    }
    if (flag === false && current[pointer] === addressId) {
      next[pointer] = null;
      sets.push(`${pointer} = :none`);
      // Unset only if it still points here: a concurrent "make X default" must not be undone.
      conditions.push(`${pointer} = :id`);
    }
  }
  return { next: next satisfies DefaultPointers, sets, conditions };
};

/**
 * Changes an address if its stored version is still `input.version`: one Query (the collection: the
 * address, its version and the profile's default pointers) and one TransactWriteItems that updates the
 * address and, when a default flag changes, the profile's pointer in the same transaction.
 */
export const updateAddress = async (
  table: string,
  customerId: string,
  addressId: string,
  input: UpdateAddressInput,
): Promise<Address> => {
  const stored = await new CustomerRepository(table).getRaw(customerId);
  const current = stored?.addresses.find((item) => item.id === addressId);
  if (!stored || !current) throw addressNotFound(addressId);
  if (current.version !== input.version) throw versionConflict('address', current.version);

  const { version, isDefaultShipping: _s, isDefaultBilling: _b, ...fields } = input;
  const now = new Date().toISOString();
  const pointers = pointerChanges(addressId, input, pointersOf(stored.profile));
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': version, ':one': 1, ':now': now };
  const sets = Object.entries(fields).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: customerKeys.address(customerId, addressId),
              UpdateExpression: `SET ${[...sets, 'version = version + :one', 'updatedAt = :now'].join(', ')}`,
              ConditionExpression: 'version = :expected',
              ...(sets.length > 0 ? { ExpressionAttributeNames: names } : {}),
              ExpressionAttributeValues: values,
            },
          },
          ...(pointers.sets.length > 0
            ? [
                {
                  Update: {
                    TableName: table,
                    Key: customerKeys.profile(customerId),
                    UpdateExpression: `SET ${pointers.sets.join(', ')}`,
                    ConditionExpression: ['attribute_exists(pk)', ...pointers.conditions].join(' AND '),
                    ExpressionAttributeValues: {
                      ':id': addressId,
                      ...(pointers.sets.some((s) => s.endsWith(':none')) ? { ':none': null } : {}),
                    },
                  },
                },
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    // Someone changed or deleted the address (or the pointer) between the read and the write.
    if (cancellationReasons(error)) throw versionConflict('address');
    throw error;
  }
  const updated: Item = { ...current, ...fields, version: version + 1, updatedAt: now };
  return toAddress(updated, pointers.next);
};
