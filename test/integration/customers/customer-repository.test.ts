import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { ConflictError } from '#platform/errors/index.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

describe('CustomerRepository', () => {
  let customers: CustomerRepository;

  beforeAll(async () => {
    useLocalDynamo();
    customers = new CustomerRepository(await createTestTable());
  });

  it('changes the profile and bumps its version', async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    const changed = await customers.updateProfile(
      id,
      { version: 1, givenName: 'Ada', phone: '+441632960961', marketingOptIn: true },
      null,
    );
    expect(changed).toMatchObject({
      givenName: 'Ada',
      phone: '+441632960961',
      marketingOptIn: true,
      version: 2,
    });
    expect(await customers.get(id)).toMatchObject({ givenName: 'Ada', version: 2 });
    expect(changed).not.toHaveProperty('pk');
  });

  it('clears a field set to null', async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    await customers.updateProfile(id, { version: 1, locale: 'en-GB' }, null);
    expect(await customers.updateProfile(id, { version: 2, locale: null }, null)).toMatchObject({
      locale: null,
      version: 3,
    });
  });

  it('refuses a change based on a stale version with version_conflict', async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    await customers.updateProfile(id, { version: 1, givenName: 'Ada' }, null);
    const stale = customers.updateProfile(id, { version: 1, givenName: 'Grace' }, null);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'version_conflict', statusCode: 409 });
    expect(await customers.get(id)).toMatchObject({ givenName: 'Ada', version: 2 });
  });

  it('lets exactly one of two concurrent changes of the same version win', async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    const results = await Promise.allSettled(
      ['Ada', 'Grace'].map((givenName) => customers.updateProfile(id, { version: 1, givenName }, null)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await customers.get(id))?.version).toBe(2);
  });

  it('creates the profile when the first call is a PATCH', async () => {
    const id = randomUUID();
    expect(await customers.updateProfile(id, { version: 1, familyName: 'Lovelace' }, null)).toMatchObject({
      id,
      familyName: 'Lovelace',
      version: 2,
    });
  });
});
