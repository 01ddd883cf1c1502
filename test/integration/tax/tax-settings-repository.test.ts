import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsKeys } from '#contexts/pricing/data/keys.ts';
import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import { TaxSettingsRepository } from '#contexts/pricing/data/tax-repository.ts';
import { DEFAULT_TAX_SETTINGS, type PutTaxSettingsInput } from '#contexts/pricing/domain/tax-settings.ts';
import { demoShippingOptions, writePricingDefaults } from '../../../scripts/seed/pricing.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const { updatedAt: _, ...defaults } = DEFAULT_TAX_SETTINGS;

describe('TaxSettingsRepository', () => {
  useLocalDynamo();
  let table: string;
  let settings: TaxSettingsRepository;

  beforeAll(async () => {
    table = await createTestTable();
    settings = new TaxSettingsRepository(table);
  });

  it('answers the built-in default (version 0) while nothing is saved', async () => {
    await expect(settings.get()).resolves.toEqual(DEFAULT_TAX_SETTINGS);
  });

  it('saves over the default with version 0, then only on the current version', async () => {
    const input: PutTaxSettingsInput = { ...defaults, shippingTaxClass: 'reduced', version: 0 };
    const saved = await settings.put(input, new Date('2025-05-01T00:00:00Z'));
    expect(saved).toMatchObject({
      shippingTaxClass: 'reduced',
      version: 1,
      updatedAt: '2025-05-01T00:00:00.000Z',
    });
    await expect(settings.get()).resolves.toEqual(saved);

    await expect(settings.put({ ...input, version: 0 })).rejects.toMatchObject({
      statusCode: 409,
      code: 'version_conflict',
    });
    const next = await settings.put({ ...input, defaultDestination: { country: 'FR' }, version: 1 });
    expect(next).toMatchObject({ version: 2, defaultDestination: { country: 'FR' } });
    await expect(settings.put({ ...input, version: 1 })).rejects.toMatchObject({ statusCode: 409 });
    await expect(settings.get()).resolves.toEqual(next);
  });
});

describe('writePricingDefaults', () => {
  const client = useLocalDynamo();

  it('writes the demo options and default tax settings once, never over an admin change', async () => {
    const table = await createTestTable();
    // The options, the tax settings, and the WELCOME10 promotion with its code item.
    expect(await writePricingDefaults(client, table)).toBe(demoShippingOptions().length + 3);

    const options = new ShippingOptionRepository(table);
    const listed = await options.list();
    expect(listed.map((o) => o.id).sort()).toEqual(
      demoShippingOptions()
        .map((o) => o.id)
        .sort(),
    );
    const tax = await new TaxSettingsRepository(table).get();
    expect(tax).toMatchObject({ ...defaults, version: 1 });

    const { id: __, ...uk } = listed.find((o) => o.id === 'uk')!;
    await options.update('uk', { ...uk, name: 'Changed by an admin', version: 1 });
    expect(await writePricingDefaults(client, table)).toBe(0);
    expect((await options.get('uk')).name).toBe('Changed by an admin');
    const { Item } = await client.send(new GetCommand({ TableName: table, Key: settingsKeys.tax }));
    expect(Item?.entity).toBe('TAX_SETTINGS');
  });
});
