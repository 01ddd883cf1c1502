import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';

const admin = () => cloud().tokens.admin;
const send = (method: string, path: string, body?: unknown, token = admin(), headers = {}) =>
  sendJson(method, path, body, token, headers);

// Options of this file serve Iceland and New Zealand only, so carts tested in parallel never see them.
const option = {
  name: 'Island post',
  countries: ['IS', 'NZ'],
  rate: {
    type: 'weight',
    tiers: [
      { upToGrams: 1000, amounts: { EUR: 1500 } },
      { upToGrams: 5000, amounts: { EUR: 2500, USD: 2900 } },
    ],
  },
  freeAbove: { EUR: 20_000 },
};

describe('shipping options admin API', () => {
  const id = `island-${randomUUID().slice(0, 8)}`;

  it('lists the seeded demo options', async () => {
    const res = await send('GET', '/admin/shipping-options');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['standard-eu', 'express-eu', 'standard-us', 'uk']));
    expect(res.body.items.find((o: { id: string }) => o.id === 'standard-eu')).toMatchObject({
      rate: { type: 'flat', amounts: { EUR: 490 } },
      freeAbove: { EUR: 5000 },
    });
  });

  it('creates, reads, replaces and deletes an option, refusing a stale version', async () => {
    const created = await send('POST', '/admin/shipping-options', { ...option, id });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/admin/shipping-options/${id}`);
    expect(created.body).toMatchObject({ ...option, id, version: 1 });
    expectProblem(
      await send('POST', '/admin/shipping-options', { ...option, id }),
      409,
      'shipping_option_exists',
    );

    const read = await send('GET', `/admin/shipping-options/${id}`);
    expect(read.body).toEqual(created.body);
    const listed = await send('GET', '/admin/shipping-options');
    expect(listed.body.items).toContainEqual(created.body);

    const { freeAbove: _, ...withoutThreshold } = option;
    const replaced = await send('PUT', `/admin/shipping-options/${id}`, {
      ...withoutThreshold,
      rate: { type: 'flat', amounts: { EUR: 1900 } },
      version: 1,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, version: 2, rate: { type: 'flat', amounts: { EUR: 1900 } } });
    expect(replaced.body.freeAbove).toBeUndefined();
    expect(replaced.body.createdAt).toBe(created.body.createdAt);

    const stale = await send('PUT', `/admin/shipping-options/${id}`, { ...option, version: 1 });
    expectProblem(stale, 409, 'version_conflict');
    expectProblem(await send('DELETE', `/admin/shipping-options/${id}?version=1`), 409, 'version_conflict');

    const deleted = await send('DELETE', `/admin/shipping-options/${id}?version=2`);
    expect(deleted.status).toBe(204);
    expectProblem(await send('GET', `/admin/shipping-options/${id}`), 404, 'shipping_option_not_found');
  });

  it('answers a retried POST with the same Idempotency-Key with the same option', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const first = await send('POST', '/admin/shipping-options', option, admin(), headers);
    const again = await send('POST', '/admin/shipping-options', option, admin(), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await send('DELETE', `/admin/shipping-options/${first.body.id}`)).status).toBe(204);
  });

  it.each([
    ['an unknown currency', { ...option, rate: { type: 'flat', amounts: { CHF: 100 } } }],
    ['a country listed twice', { ...option, countries: ['IS', 'IS'] }],
    [
      'descending weight bands',
      { ...option, rate: { type: 'weight', tiers: [...option.rate.tiers].reverse() } },
    ],
    ['an id with spaces', { ...option, id: 'Island Post' }],
    ['an unknown field', { ...option, cost: 5 }],
  ])('refuses %s with a 400 problem', async (_, body) => {
    const res = await send('POST', '/admin/shipping-options', body);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.length).toBeGreaterThan(0);
  });

  it('forbids a customer with 403', async () => {
    expectProblem(
      await send('GET', '/admin/shipping-options', undefined, cloud().tokens.customer),
      403,
      'forbidden',
    );
    expectProblem(
      await send('POST', '/admin/shipping-options', { ...option, id }, cloud().tokens.customer),
      403,
      'forbidden',
    );
  });
});

describe('tax settings admin API', () => {
  it('reads the seeded settings and saves them on the current version only', async () => {
    const read = await send('GET', '/admin/tax-settings');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      pricesIncludeTax: { EUR: true, GBP: true, USD: false },
      shippingTaxClass: 'standard',
      defaultDestination: { country: 'DE' },
    });
    expect(read.body.regions).toContainEqual({
      country: 'DE',
      rates: { standard: 190_000, reduced: 70_000, zero: 0 },
    });

    // The same content saved again: carts priced in parallel by other tests see no change.
    const { updatedAt: _, ...settings } = read.body;
    const saved = await send('PUT', '/admin/tax-settings', settings);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      ...settings,
      version: settings.version + 1,
      updatedAt: saved.body.updatedAt,
    });
    expect((await send('GET', '/admin/tax-settings')).body).toEqual(saved.body);

    expectProblem(await send('PUT', '/admin/tax-settings', settings), 409, 'version_conflict');
  });

  it('refuses two rows for one region with a 400 naming the row', async () => {
    const { updatedAt: _, ...settings } = (await send('GET', '/admin/tax-settings')).body;
    const res = await send('PUT', '/admin/tax-settings', {
      ...settings,
      regions: [...settings.regions, settings.regions[0]],
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toContainEqual({
      path: `body.regions.${settings.regions.length}`,
      message: expect.stringContaining('more than one row'),
    });
  });

  it('forbids a customer with 403', async () => {
    expectProblem(
      await send('GET', '/admin/tax-settings', undefined, cloud().tokens.customer),
      403,
      'forbidden',
    );
  });
});
