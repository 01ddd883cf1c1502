import { createHash, randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { cancellationReasons } from '#platform/data/conditions.ts';
import { NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import { type Address, type CreateAddressInput, MAX_ADDRESSES } from '../domain/schemas.ts';
import { CustomerRepository } from './customer-repository.ts';
import { ensureCustomer } from './ensure-customer.ts';
import { newAddressItem, pointersOf, toAddress } from './items.ts';
import { customerKeys } from './keys.ts';

/** The result of adding an address; `replayed` when an Idempotency-Key matched an earlier request. */
export interface AddedAddress {
  readonly address: Address;
  readonly replayed: boolean;
}

/** 404 for an address that does not exist or belongs to someone else: the two look the same. */
export const addressNotFound = (addressId: string) =>
  new NotFoundError(`Address ${addressId} does not exist`, 'address_not_found');

/**
 * The id an Idempotency-Key stands for: a UUID (v8 layout) hashed from customer and key, so a retried
 * POST targets the same item and its conditional Put turns the retry into a replay.
 */
export const addressIdFor = (customerId: string, key: string): string => {
  const hash = createHash('sha256').update(`address\n${customerId}\n${key}`).digest().subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const hashOf = (input: CreateAddressInput): string =>
  createHash('sha256').update(JSON.stringify(input)).digest('base64url');

/** Adds and deletes addresses; every write is one TransactWriteItems with the profile's counter. */
export class AddressRepository {
  readonly #table: string;
  readonly #customers: CustomerRepository;

  constructor(table: string) {
    this.#table = table;
    this.#customers = new CustomerRepository(table);
  }

  /**
   * Adds an address: one TransactWriteItems that puts the address (only if its id is new) and counts
   * it on the profile (only while under the limit), so the limit holds under concurrent POSTs.
   */
  async add(
    customerId: string,
    email: string | null,
    input: CreateAddressInput,
    idempotencyKey?: string,
  ): Promise<AddedAddress> {
    const addressId = idempotencyKey ? addressIdFor(customerId, idempotencyKey) : randomUUID();
    const requestHash = hashOf(input);
    const item = newAddressItem(customerId, addressId, input, requestHash, new Date().toISOString());
    for (let attempt = 0; ; attempt++) {
      const reasons = await this.#tryAdd(customerId, item, input);
      if (!reasons) {
        const pointers = {
          defaultShippingAddressId: input.isDefaultShipping ? addressId : null,
          defaultBillingAddressId: input.isDefaultBilling ? addressId : null,
        };
        return { address: toAddress(item, pointers), replayed: false };
      }
      const [address, profile] = reasons;
      if (address?.Code === 'ConditionalCheckFailed') return this.#replay(customerId, addressId, requestHash);
      if (profile?.Code !== 'ConditionalCheckFailed') throw new Error('Adding an address was cancelled');
      if (profile.Item || attempt > 0)
        throw new UnprocessableError(
          `A customer keeps at most ${MAX_ADDRESSES} addresses`,
          'address_limit_reached',
        );
      // No profile yet: this POST is the customer's first call.
      await ensureCustomer(this.#table, { customerId, email, source: 'api' });
    }
  }

  async #tryAdd(customerId: string, item: Record<string, unknown>, input: CreateAddressInput) {
    const addressId = item.id;
    const pointers = [
      ...(input.isDefaultShipping ? ['defaultShippingAddressId = :id'] : []),
      ...(input.isDefaultBilling ? ['defaultBillingAddressId = :id'] : []),
    ];
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#table,
                Item: item,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.#table,
                Key: customerKeys.profile(customerId),
                UpdateExpression: `SET ${['addressCount = addressCount + :one', ...pointers].join(', ')}`,
                ConditionExpression: 'attribute_exists(pk) AND addressCount < :max',
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':max': MAX_ADDRESSES,
                  ...(pointers.length > 0 ? { ':id': addressId } : {}),
                },
                // Tells "no profile yet" (no item) from "limit reached" (item) without another read.
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      );
      return undefined;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      return reasons;
    }
  }

  /** A retried POST: the same body gets the address back; another body under the same key is refused. */
  async #replay(customerId: string, addressId: string, requestHash: string): Promise<AddedAddress> {
    const stored = await this.#customers.getRaw(customerId);
    const item = stored?.addresses.find((a) => a.id === addressId);
    if (!stored || !item) throw new Error('An address that blocked a Put is gone');
    if (item.requestHash !== requestHash)
      throw new UnprocessableError(
        'This Idempotency-Key was already used for a different address',
        'idempotency_key_reused',
      );
    return { address: toAddress(item, pointersOf(stored.profile)), replayed: true };
  }

  /**
   * Deletes an address: one TransactWriteItems that deletes it (only if it exists) and uncounts it. A
   * default pointer to it is left behind on purpose: it matches no address from then on.
   */
  async remove(customerId: string, addressId: string): Promise<void> {
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.#table,
                Key: customerKeys.address(customerId, addressId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.#table,
                Key: customerKeys.profile(customerId),
                UpdateExpression: 'SET addressCount = addressCount - :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (cancellationReasons(error)?.[0]?.Code === 'ConditionalCheckFailed')
        throw addressNotFound(addressId);
      throw error;
    }
  }
}
