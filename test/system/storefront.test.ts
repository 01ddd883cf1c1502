import { describe, expect, inject, it } from 'vitest';
import { cloud } from '../support/cloud.ts';
import { api } from '../support/http.ts';

const expectProblem = (res: Awaited<ReturnType<typeof api>>, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, code });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
};

describe('storefront over HTTP', () => {
  it('answers health with the table reachable', async () => {
    const res = await api('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', table: { reachable: true } });
  });

  it('browses every seeded product page by page with an opaque cursor', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/products?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(25);
      ids.push(...res.body.items.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows one product with its variants and integer prices in EUR and USD', async () => {
    const list = await api('/products?limit=1');
    const id = list.body.items[0].id;
    const res = await api(`/products/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
    expect(res.body.variants.length).toBeGreaterThan(0);
    for (const v of res.body.variants) {
      expect(Number.isInteger(v.prices.EUR)).toBe(true);
      expect(Number.isInteger(v.prices.USD)).toBe(true);
    }
  });

  it.each([
    ['limit 0', '/products?limit=0', 'validation_failed'],
    ['limit 1000', '/products?limit=1000', 'validation_failed'],
    ['a fractional limit', '/products?limit=2.5', 'validation_failed'],
    ['an unknown parameter', '/products?sort=price', 'validation_failed'],
    ['a garbage cursor', '/products?cursor=garbage', 'invalid_cursor'],
  ])('rejects %s with a 400 problem', async (_, path, code) => {
    expectProblem(await api(path), 400, code);
  });

  it('answers 404 problems for an unknown product and an unknown route', async () => {
    expectProblem(await api('/products/does-not-exist'), 404, 'product_not_found');
    expectProblem(await api('/no/such/route'), 404, 'route_not_found');
    expectProblem(await api('/products', { method: 'DELETE' }), 404, 'route_not_found');
  });

  it('answers 413 for an oversized body', async () => {
    const res = await api('/products', { method: 'POST', body: 'x'.repeat(300 * 1024) });
    expectProblem(res, 413, 'payload_too_large');
  });
});

describe('authentication and roles over HTTP', () => {
  it('answers 401 like API Gateway without a token, with garbage, a forged signature or an expired token', async () => {
    const forged = `${cloud().tokens.customer.slice(0, -4)}AAAA`;
    for (const token of [undefined, 'garbage', forged, inject('expiredToken')]) {
      const res = await api('/me', token ? { token } : {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Unauthorized' });
    }
  });

  it('identifies a signed-in customer', async () => {
    const res = await api('/me', { token: cloud().tokens.customer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: expect.any(String), groups: [] });
  });

  it('refuses a customer on an admin route and lets an admin in', async () => {
    const id = (await api('/products?limit=1')).body.items[0].id;
    expectProblem(await api(`/admin/products/${id}`, { token: cloud().tokens.customer }), 403, 'forbidden');
    const res = await api(`/admin/products/${id}`, { token: cloud().tokens.admin });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
  });
});
