import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { ConflictError } from '#platform/errors/index.ts';
import {
  type PutTaxSettingsInput,
  type StoreTaxSettings,
  taxSettingsFromItem,
} from '../domain/tax-settings.ts';
import { Entity, settingsKeys } from './keys.ts';

/** The settings item as written: keys, entity and the settings. */
export const taxSettingsItem = (settings: StoreTaxSettings) => ({
  ...settingsKeys.tax,
  entity: Entity.taxSettings,
  ...settings,
});

/** The store's tax settings: one item, read whole and replaced whole. */
export class TaxSettingsRepository {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** The saved settings, or the built-in default (version 0) when none were saved (1 GetItem). */
  async get(): Promise<StoreTaxSettings> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.#table, Key: settingsKeys.tax, ConsistentRead: true }),
    );
    return taxSettingsFromItem(Item);
  }

  /**
   * Replaces the settings if `version` is the one stored (0: none stored yet): 1 conditional Put, 409
   * `version_conflict` when another admin saved first.
   */
  async put(input: PutTaxSettingsInput, now = new Date()): Promise<StoreTaxSettings> {
    const { version, ...fields } = input;
    const next: StoreTaxSettings = { ...fields, version: version + 1, updatedAt: now.toISOString() };
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.#table,
          Item: taxSettingsItem(next),
          ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError('The tax settings changed since they were read', 'version_conflict');
      throw error;
    }
    return next;
  }
}
