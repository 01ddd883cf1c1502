import { describe, expect, inject, it } from 'vitest';
import { demoCatalog } from '../../scripts/seed/demo-catalog.ts';
import { apiClient } from '../support/client.ts';
import { cloud } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A typed client's result as an answer `expectProblem` can read. */
const answer = ({ response, error }: { response: Response; error?: unknown }): Answer => ({
  status: response.status,
  headers: response.headers,
  body: error,
});

/** The first product of the store's first page. */
/**
 * A product of the seeded catalog (priced in EUR and USD): the newest listed product may be one another
 * test file just created, with other prices.
 */
const firstProductId = async (): Promise<string> => {
  const seeded = demoCatalog()[0];
  if (!seeded) throw new Error('The demo catalog is empty');
  const { data } = await apiClient().GET('/products/by-slug/{slug}', {
    params: { path: { slug: seeded.slug } },
  });
  const id = data?.id;
  if (!id) throw new Error(`The seeded store has no product ${seeded.slug}`);
  return id;
};

describe('storefront over HTTP', () => {
  it('answers health with the table reachable', async () => {
    const { data, response } = await apiClient().GET('/health');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ status: 'ok', table: { reachable: true } });
  });

  it('browses every seeded product page by page with an opaque cursor', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const { data, response } = await apiClient().GET('/products', {
        params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } },
      });
      expect(response.status).toBe(200);
      const items = data?.items ?? [];
      expect(items.length).toBeLessThanOrEqual(25);
      ids.push(...items.map((p) => p.id));
      cursor = data?.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows one product with its variants and integer prices in EUR and USD', async () => {
    const id = await firstProductId();
    const { data, response } = await apiClient().GET('/products/{productId}', {
      params: { path: { productId: id } },
    });
    expect(response.status).toBe(200);
    expect(data?.id).toBe(id);
    const variants = data?.variants ?? [];
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      expect(Number.isInteger(v.prices.EUR)).toBe(true);
      expect(Number.isInteger(v.prices.USD)).toBe(true);
    }
  });

  it.each([
    ['limit 0', '/products?limit=0', 'validation_failed'],
    ['limit 1000', '/products?limit=1000', 'validation_failed'],
    ['a fractional limit', '/products?limit=2.5', 'validation_failed'],
    ['an unknown parameter', '/products?colour=red', 'validation_failed'],
    ['an unknown sort', '/products?sort=price', 'validation_failed'],
    ['a garbage cursor', '/products?cursor=garbage', 'invalid_cursor'],
  ])('rejects %s with a 400 problem', async (_, path, code) => {
    expectProblem(await api(path), 400, code);
  });

  it('answers 404 problems for an unknown product and an unknown route', async () => {
    const missing = await apiClient().GET('/products/{productId}', {
      params: { path: { productId: 'does-not-exist' } },
    });
    expectProblem(answer(missing), 404, 'product_not_found');
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
      const { error, response } = await apiClient(token).GET('/me');
      expect(response.status).toBe(401);
      expect(error).toEqual({ message: 'Unauthorized' });
    }
  });

  it('identifies a signed-in customer', async () => {
    const { data, response } = await apiClient(cloud().tokens.customer).GET('/me');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: expect.any(String), addresses: expect.any(Array) });
  });

  it('refuses a customer on an admin route and lets an admin in', async () => {
    const id = await firstProductId();
    const params = { path: { productId: id } };
    const refused = await apiClient(cloud().tokens.customer).GET('/admin/products/{productId}', { params });
    expectProblem(answer(refused), 403, 'forbidden');
    const { data, response } = await apiClient(cloud().tokens.admin).GET('/admin/products/{productId}', {
      params,
    });
    expect(response.status).toBe(200);
    expect(data?.id).toBe(id);
  });
});
