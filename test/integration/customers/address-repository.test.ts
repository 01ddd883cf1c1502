import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AddressRepository } from '#contexts/customers/data/address-repository.ts';
import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { updateAddress } from '#contexts/customers/data/update-address.ts';
import {
  type CreateAddressInput,
  createAddressInput,
  MAX_ADDRESSES,
} from '#contexts/customers/domain/schemas.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const home = (overrides: Partial<CreateAddressInput> = {}): CreateAddressInput =>
  createAddressInput.parse({
    name: 'Ada Lovelace',
    line1: '12 St James Sq',
    city: 'London',
    country: 'GB',
    ...overrides,
  });

describe('addresses', () => {
  let table: string;
  let customers: CustomerRepository;
  let addresses: AddressRepository;

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    customers = new CustomerRepository(table);
    addresses = new AddressRepository(table);
  });

  it('adds, lists, changes and deletes an address', async () => {
    const id = randomUUID();
    const { address } = await addresses.add(id, null, home({ postalCode: 'SW1Y 4LE' }));
    expect(address).toMatchObject({ name: 'Ada Lovelace', postalCode: 'SW1Y 4LE', line2: null, version: 1 });
    expect((await customers.get(id))?.addresses).toEqual([address]);

    const changed = await updateAddress(table, id, address.id, {
      version: 1,
      city: 'Londinium',
      line2: 'Flat 2',
    });
    expect(changed).toMatchObject({ city: 'Londinium', line2: 'Flat 2', name: 'Ada Lovelace', version: 2 });
    expect((await customers.get(id))?.addresses).toEqual([changed]);

    await addresses.remove(id, address.id);
    expect((await customers.get(id))?.addresses).toEqual([]);
    await expect(addresses.remove(id, address.id)).rejects.toMatchObject({ code: 'address_not_found' });
  });

  it('creates the profile when adding an address is the first call', async () => {
    const id = randomUUID();
    await addresses.add(id, null, home());
    expect(await customers.get(id)).toMatchObject({ id, version: 1, addresses: [{ name: 'Ada Lovelace' }] });
  });

  it('answers address_not_found for another customer’s address', async () => {
    const owner = randomUUID();
    const stranger = randomUUID();
    await customers.getOrCreate(stranger, null);
    const { address } = await addresses.add(owner, null, home());
    await expect(
      updateAddress(table, stranger, address.id, { version: 1, city: 'Paris' }),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'address_not_found',
    });
    await expect(addresses.remove(stranger, address.id)).rejects.toMatchObject({ code: 'address_not_found' });
    expect((await customers.get(owner))?.addresses[0]).toMatchObject({ city: 'London', version: 1 });
  });

  it('refuses a change based on a stale version', async () => {
    const id = randomUUID();
    const { address } = await addresses.add(id, null, home());
    await updateAddress(table, id, address.id, { version: 1, city: 'Bath' });
    await expect(updateAddress(table, id, address.id, { version: 1, city: 'York' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'version_conflict',
    });
  });

  it('keeps one default shipping and one default billing address', async () => {
    const id = randomUUID();
    const first = (await addresses.add(id, null, home({ isDefaultShipping: true, isDefaultBilling: true })))
      .address;
    const second = (await addresses.add(id, null, home({ name: 'Work', isDefaultShipping: true }))).address;
    expect(second).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    const read = async () =>
      Object.fromEntries((await customers.get(id))?.addresses.map((a) => [a.name, a]) ?? []);
    expect(await read()).toMatchObject({
      'Ada Lovelace': { isDefaultShipping: false, isDefaultBilling: true },
      Work: { isDefaultShipping: true, isDefaultBilling: false },
    });

    await updateAddress(table, id, first.id, { version: 1, isDefaultBilling: false });
    await updateAddress(table, id, second.id, { version: 1, isDefaultBilling: true });
    expect(await read()).toMatchObject({
      'Ada Lovelace': { isDefaultShipping: false, isDefaultBilling: false },
      Work: { isDefaultShipping: true, isDefaultBilling: true },
    });

    // Deleting the default leaves no default, and a new address does not inherit the old pointer.
    await addresses.remove(id, second.id);
    const third = (await addresses.add(id, null, home({ name: 'Gift' }))).address;
    expect(third).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });
    expect(
      (await customers.get(id))?.addresses.every((a) => !a.isDefaultShipping && !a.isDefaultBilling),
    ).toBe(true);
  });

  it(`holds the limit of ${MAX_ADDRESSES} addresses under concurrent adds`, async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    const results = await Promise.allSettled(
      Array.from({ length: MAX_ADDRESSES + 5 }, (_, i) =>
        addresses.add(id, null, home({ name: `Address ${i}` })),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_ADDRESSES);
    for (const r of refused)
      expect(r.reason).toMatchObject({ statusCode: 422, code: 'address_limit_reached' });
    expect((await customers.get(id))?.addresses).toHaveLength(MAX_ADDRESSES);

    // Deleting one makes room for exactly one more.
    const [oldest] = (await customers.get(id))?.addresses ?? [];
    await addresses.remove(id, oldest?.id ?? '');
    await addresses.add(id, null, home({ name: 'One more' }));
    await expect(addresses.add(id, null, home({ name: 'Too many' }))).rejects.toMatchObject({
      code: 'address_limit_reached',
    });
  });

  it('replays a request repeated with the same Idempotency-Key and refuses the key for another body', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await addresses.add(id, null, home(), key);
    const again = await addresses.add(id, null, home(), key);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ address: first.address, replayed: true });
    expect((await customers.get(id))?.addresses).toHaveLength(1);
    await expect(addresses.add(id, null, home({ city: 'Leeds' }), key)).rejects.toMatchObject({
      statusCode: 422,
      code: 'idempotency_key_reused',
    });
  });
});
