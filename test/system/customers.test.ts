import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';

/** A token for a brand-new customer, from the running issuer's local-only mint endpoint. */
const newCustomer = async () => {
  const email = `${crypto.randomUUID()}@example.com`;
  const res = await fetch(`${cloud().endpoints.issuer}/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(res.status).toBe(200);
  const { token, sub } = (await res.json()) as { token: string; sub: string };
  return { token, sub, email };
};

const send = (
  method: string,
  path: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
) => sendJson(method, path, body, token, headers);

const address = {
  name: 'Ada Lovelace',
  line1: '12 St James Sq',
  city: 'London',
  postalCode: 'SW1Y 4LE',
  country: 'GB',
};

describe('customers over HTTP', () => {
  it('creates the profile on the first GET /me, keyed by the token’s sub', async () => {
    const { token, sub } = await newCustomer();
    const first = await api('/me', { token });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    // An access token carries no email, so a profile made by the API starts without one.
    expect(first.body).toMatchObject({
      id: sub,
      email: null,
      version: 1,
      marketingOptIn: false,
      addresses: [],
    });
    expect((await api('/me', { token })).body).toEqual(first.body);
  });

  it('changes the profile with its version and refuses a stale version with 409', async () => {
    const { token } = await newCustomer();
    const { version } = (await api('/me', { token })).body;
    const changed = await send('PATCH', '/me', token, { version, givenName: 'Ada', marketingOptIn: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ givenName: 'Ada', marketingOptIn: true, version: version + 1 });
    expectProblem(
      await send('PATCH', '/me', token, { version, givenName: 'Grace' }),
      409,
      'version_conflict',
    );
    expect((await api('/me', { token })).body.givenName).toBe('Ada');
  });

  it.each([
    ['an unknown field', { version: 1, email: 'me@example.com' }],
    ['a name over its limit', { version: 1, givenName: 'a'.repeat(81) }],
    ['no version', { givenName: 'Ada' }],
  ])('answers 400 for a PATCH /me with %s', async (_, body) => {
    const { token } = await newCustomer();
    expectProblem(await send('PATCH', '/me', token, body), 400, 'validation_failed');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { token } = await newCustomer();
    const res = await api('/me', { method: 'PATCH', token, body: '{not json' });
    expectProblem(res, 400, 'validation_failed');
  });

  it('adds, lists, changes and deletes addresses', async () => {
    const { token } = await newCustomer();
    const added = await send('POST', '/me/addresses', token, { ...address, isDefaultShipping: true });
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/me/addresses/${added.body.id}`);
    expect(added.body).toMatchObject({
      ...address,
      isDefaultShipping: true,
      isDefaultBilling: false,
      version: 1,
    });

    const list = await api('/me/addresses', { token });
    expect(list.body).toEqual({ items: [added.body] });
    expect((await api('/me', { token })).body.addresses).toEqual([added.body]);

    const path = `/me/addresses/${added.body.id}`;
    const changed = await send('PATCH', path, token, { version: 1, line2: 'Flat 2', isDefaultBilling: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      line2: 'Flat 2',
      isDefaultShipping: true,
      isDefaultBilling: true,
      version: 2,
    });
    expectProblem(await send('PATCH', path, token, { version: 1, city: 'Bath' }), 409, 'version_conflict');

    const deleted = await api(path, { method: 'DELETE', token });
    expect(deleted.status).toBe(204);
    expect((await api('/me/addresses', { token })).body).toEqual({ items: [] });
    expectProblem(await api(path, { method: 'DELETE', token }), 404, 'address_not_found');
  });

  it('answers 404 for another customer’s address and leaves it untouched', async () => {
    const owner = await newCustomer();
    const stranger = await newCustomer();
    const { body } = await send('POST', '/me/addresses', owner.token, address);
    const path = `/me/addresses/${body.id}`;
    expectProblem(
      await send('PATCH', path, stranger.token, { version: 1, city: 'Paris' }),
      404,
      'address_not_found',
    );
    expectProblem(await api(path, { method: 'DELETE', token: stranger.token }), 404, 'address_not_found');
    expectProblem(
      await api('/me/addresses/no-such-address', { method: 'DELETE', token: owner.token }),
      404,
      'address_not_found',
    );
    expect((await api('/me/addresses', { token: owner.token })).body.items).toEqual([body]);
  });

  it.each([
    ['an unknown field', { ...address, company: 'ACME' }],
    ['a line over its limit', { ...address, line1: 'x'.repeat(201) }],
    ['a country that is not ISO 3166-1 alpha-2', { ...address, country: 'United Kingdom' }],
  ])('answers 400 for an address with %s', async (_, body) => {
    const { token } = await newCustomer();
    expectProblem(await send('POST', '/me/addresses', token, body), 400, 'validation_failed');
  });

  it('replays a POST repeated with the same Idempotency-Key', async () => {
    const { token } = await newCustomer();
    const headers = { 'idempotency-key': crypto.randomUUID() };
    const first = await send('POST', '/me/addresses', token, address, headers);
    const again = await send('POST', '/me/addresses', token, address, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await api('/me/addresses', { token })).body.items).toHaveLength(1);
  });

  it.each([
    ['GET', '/me'],
    ['PATCH', '/me'],
    ['GET', '/me/addresses'],
    ['POST', '/me/addresses'],
    ['PATCH', '/me/addresses/x'],
    ['DELETE', '/me/addresses/x'],
  ])('answers %s %s without a token with API Gateway’s 401', async (method, path) => {
    const res = await api(path, { method, body: method === 'GET' || method === 'DELETE' ? null : '{}' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
  });
});

describe('npm run token', () => {
  it('prints a token from the running issuer that the API accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    const state = join(dir, 'cloud.json');
    writeFileSync(state, JSON.stringify(cloud()));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/token.ts', '--email', 'cli@example.com', '--admin', '--state', state],
      { timeout: 20_000 },
    );
    const token = stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    expect((await api('/me', { token })).status).toBe(200);
    const products = await api('/products?limit=1');
    expect((await api(`/admin/products/${products.body.items[0].id}`, { token })).status).toBe(200);
  });
});
