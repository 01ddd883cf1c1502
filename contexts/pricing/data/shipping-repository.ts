import { createHash, randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { queryAll } from '#platform/data/pages.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#platform/errors/index.ts';
import type {
  CreateShippingOptionInput,
  ReplaceShippingOptionInput,
  StoredShippingOption,
} from '../domain/shipping-option-inputs.ts';
import { shippingOptionKeys } from './keys.ts';
import { shippingOptionFromItem, shippingOptionItem } from './shipping-items.ts';

/** The result of a create; `replayed` when an Idempotency-Key matched the request that made it. */
export interface CreatedShippingOption {
  readonly option: StoredShippingOption;
  readonly replayed: boolean;
}

const notFound = (optionId: string) =>
  new NotFoundError(`Shipping option ${optionId} does not exist`, 'shipping_option_not_found');
const versionConflict = () =>
  new ConflictError('The shipping option changed since it was read', 'version_conflict');

/**
 * The id an Idempotency-Key stands for when the body names none: a UUID (v8 layout) hashed from the
 * key, so a retried POST targets the same item and its conditional Put turns the retry into a replay.
 */
export const shippingOptionIdFor = (idempotencyKey: string): string => {
  const hash = createHash('sha256').update(`shipping-option\n${idempotencyKey}`).digest().subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const requestHashOf = (idempotencyKey: string, input: CreateShippingOptionInput) =>
  createHash('sha256')
    .update(`${idempotencyKey}\n${JSON.stringify(input)}`)
    .digest('base64url');

/** Shipping options: few per store, so the list is one Query of gsi1 and every write one request. */
export class ShippingOptionRepository {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** Every option, by id (1 Query of gsi1; it pages only past 1 MB, i.e. hundreds of options). */
  async list(): Promise<StoredShippingOption[]> {
    const items = await queryAll({
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': shippingOptionKeys.listPartition },
    });
    return items.map(shippingOptionFromItem);
  }

  async #item(optionId: string) {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.#table,
        Key: shippingOptionKeys.option(optionId),
        ConsistentRead: true,
      }),
    );
    return Item;
  }

  /** One option (1 consistent GetItem), or 404 `shipping_option_not_found`. */
  async get(optionId: string): Promise<StoredShippingOption> {
    const item = await this.#item(optionId);
    if (!item) throw notFound(optionId);
    return shippingOptionFromItem(item);
  }

  /**
   * Creates an option (1 Put, only if the id is free). With an Idempotency-Key a retry of the same
   * request answers the stored option; a taken id is 409 `shipping_option_exists`.
   */
  async create(
    input: CreateShippingOptionInput,
    idempotencyKey?: string,
    now = new Date(),
  ): Promise<CreatedShippingOption> {
    const id = input.id ?? (idempotencyKey ? shippingOptionIdFor(idempotencyKey) : randomUUID());
    const at = now.toISOString();
    const option: StoredShippingOption = { ...input, id, version: 1, createdAt: at, updatedAt: at };
    const requestHash = idempotencyKey ? requestHashOf(idempotencyKey, input) : undefined;
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: shippingOptionItem(option, requestHash),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { option, replayed: false };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const existing = await this.#item(id);
    if (existing && requestHash && existing.requestHash === requestHash)
      return { option: shippingOptionFromItem(existing), replayed: true };
    if (idempotencyKey && input.id === undefined)
      throw new UnprocessableError(
        'This Idempotency-Key was already used for a different shipping option',
        'idempotency_key_reused',
      );
    throw new ConflictError(`Shipping option ${id} already exists`, 'shipping_option_exists');
  }

  /**
   * Replaces an option's fields if `version` is current: 1 UpdateItem (createdAt kept), 409
   * `version_conflict` when another write got there first, 404 when it is gone.
   */
  async update(optionId: string, input: ReplaceShippingOptionInput, now = new Date()) {
    const { version, freeAbove, ...fields } = input;
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: this.#table,
          Key: shippingOptionKeys.option(optionId),
          UpdateExpression: `SET #name = :name, countries = :countries, #rate = :rate, updatedAt = :now, version = :next${
            freeAbove ? ', freeAbove = :freeAbove' : ' REMOVE freeAbove'
          }`,
          ConditionExpression: 'attribute_exists(pk) AND version = :v',
          // `name` is a DynamoDB reserved word; `rate` is aliased too so the expression reads uniformly.
          ExpressionAttributeNames: { '#name': 'name', '#rate': 'rate' },
          ExpressionAttributeValues: {
            ':name': fields.name,
            ':countries': fields.countries,
            ':rate': fields.rate,
            ':now': now.toISOString(),
            ':v': version,
            ':next': version + 1,
            ...(freeAbove ? { ':freeAbove': freeAbove } : {}),
          },
          ReturnValues: 'ALL_NEW',
          // Tells "changed since read" (an old item) from "deleted" (none) without another read.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return shippingOptionFromItem(Attributes ?? {});
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw error.Item ? versionConflict() : notFound(optionId);
    }
  }

  /** Deletes an option (1 DeleteItem), only that `version` when given; 404 when there is none. */
  async delete(optionId: string, version?: number): Promise<void> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: this.#table,
          Key: shippingOptionKeys.option(optionId),
          ConditionExpression: `attribute_exists(pk)${version === undefined ? '' : ' AND version = :v'}`,
          ...(version === undefined ? {} : { ExpressionAttributeValues: { ':v': version } }),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw error.Item ? versionConflict() : notFound(optionId);
    }
  }
}
