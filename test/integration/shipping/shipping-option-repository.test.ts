import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippingOptionKeys } from '#contexts/pricing/data/keys.ts';
import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import type { CreateShippingOptionInput } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const standard: CreateShippingOptionInput = {
  id: 'standard-eu',
  name: 'Standard',
  countries: ['DE', 'FR'],
  rate: { type: 'flat', amounts: { EUR: 490 } },
  freeAbove: { EUR: 5000 },
};
const express: CreateShippingOptionInput = {
  id: 'express-eu',
  name: 'Express',
  countries: ['DE'],
  rate: { type: 'weight', tiers: [{ upToGrams: 1000, amounts: { EUR: 990 } }] },
};

describe('ShippingOptionRepository', () => {
  const client = useLocalDynamo();
  let table: string;
  let options: ShippingOptionRepository;

  beforeAll(async () => {
    table = await createTestTable();
    options = new ShippingOptionRepository(table);
    await options.create(standard, undefined, new Date('2025-01-01T00:00:00Z'));
    await options.create(express);
  });

  it('creates an option at version 1 and reads it back', async () => {
    await expect(options.get('standard-eu')).resolves.toEqual({
      ...standard,
      version: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('lists every option by id from the index', async () => {
    const listed = await options.list();
    expect(listed.map((o) => o.id)).toEqual(['express-eu', 'standard-eu']);
    expect(listed[1]).toEqual(await options.get('standard-eu'));
  });

  it('refuses an id that is taken with 409 shipping_option_exists', async () => {
    await expect(options.create({ ...standard, name: 'Other' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'shipping_option_exists',
    });
    expect((await options.get('standard-eu')).name).toBe('Standard');
  });

  it('turns a retried create with the same Idempotency-Key into a replay of one option', async () => {
    const input = { ...express, id: undefined, name: 'Keyed' };
    const first = await options.create(input, 'key-aaaaaaaa');
    const again = await options.create(input, 'key-aaaaaaaa');
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ option: first.option, replayed: true });
    await expect(options.create({ ...input, name: 'Changed' }, 'key-aaaaaaaa')).rejects.toMatchObject({
      statusCode: 422,
      code: 'idempotency_key_reused',
    });
  });

  it('replaces an option on the current version, keeps createdAt, and removes an absent threshold', async () => {
    const { id: _, ...fields } = standard;
    const { freeAbove: __, ...withoutThreshold } = fields;
    const next = await options.update(
      'standard-eu',
      { ...withoutThreshold, name: 'Standard 2', version: 1 },
      new Date('2025-02-01T00:00:00Z'),
    );
    expect(next).toEqual({
      ...withoutThreshold,
      id: 'standard-eu',
      name: 'Standard 2',
      version: 2,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
    });
    await expect(options.get('standard-eu')).resolves.toEqual(next);
  });

  it('refuses a lost update with 409 and an update of a missing option with 404', async () => {
    const { id: _, ...fields } = express;
    const first = await options.update('express-eu', { ...fields, version: 1 });
    expect(first.version).toBe(2);
    await expect(options.update('express-eu', { ...fields, name: 'Lost', version: 1 })).rejects.toMatchObject(
      {
        statusCode: 409,
        code: 'version_conflict',
      },
    );
    expect((await options.get('express-eu')).name).toBe('Express');
    await expect(options.update('nowhere', { ...fields, version: 1 })).rejects.toMatchObject({
      statusCode: 404,
      code: 'shipping_option_not_found',
    });
  });

  it('deletes only the given version, then the option is gone', async () => {
    await options.create({ ...express, id: 'doomed' });
    await expect(options.delete('doomed', 7)).rejects.toMatchObject({
      statusCode: 409,
      code: 'version_conflict',
    });
    await options.delete('doomed', 1);
    const { Item } = await client.send(
      new GetCommand({ TableName: table, Key: shippingOptionKeys.option('doomed'), ConsistentRead: true }),
    );
    expect(Item).toBeUndefined();
    await expect(options.get('doomed')).rejects.toMatchObject({ statusCode: 404 });
    await expect(options.delete('doomed')).rejects.toMatchObject({
      statusCode: 404,
      code: 'shipping_option_not_found',
    });
  });
});
