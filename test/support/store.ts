import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { LOCATION_CACHE_MS } from '#contexts/inventory/data/location-repository.ts';
import { cloud } from './cloud.ts';
import { sendJson } from './http.ts';

/** An admin request to the local cloud. */
export const adminSend = (method: string, path: string, body?: unknown) =>
  sendJson(method, path, body, cloud().tokens.admin);

/** One variant to create: its prices per currency and optional weight. */
export interface VariantSpec {
  readonly prices: Record<string, number>;
  readonly weightGrams?: number;
}

/** A published product made for one test, with its variants' ids in the order given. */
export interface TestProduct {
  readonly productId: string;
  readonly variantIds: string[];
  readonly version: number;
  readonly slug: string;
}

/** Creates and publishes a product through the admin API (one variant per spec). */
export const publishedProduct = async (
  variants: readonly VariantSpec[],
  extra: { taxClass?: 'standard' | 'reduced' | 'zero'; categoryIds?: string[] } = {},
): Promise<TestProduct> => {
  const tag = randomUUID().slice(0, 8);
  const created = await adminSend('POST', '/admin/products', {
    slug: `cart-test-${tag}`,
    title: `Cart test ${tag}`,
    description: 'Made by a test',
    categoryIds: extra.categoryIds ?? [],
    ...(extra.taxClass ? { taxClass: extra.taxClass } : {}),
    options: [{ name: 'size', values: variants.map((_, i) => `s${i}`) }],
    variants: variants.map((v, i) => ({
      sku: `CT-${tag}-${i}`.toUpperCase(),
      title: `Size ${i}`,
      options: { size: `s${i}` },
      prices: v.prices,
      ...(v.weightGrams === undefined ? {} : { weightGrams: v.weightGrams }),
    })),
  });
  expect(created.status).toBe(201);
  const published = await adminSend('POST', `/admin/products/${created.body.id}/publish`, { version: 1 });
  expect(published.status).toBe(200);
  return {
    productId: created.body.id,
    variantIds: (created.body.variants as { id: string; sku: string }[])
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((v) => v.id),
    version: published.body.version,
    slug: created.body.slug,
  };
};

let location: Promise<string> | undefined;

/**
 * The stock location shared by the tests of one run (priority 1): `stock()` puts stock there, so the
 * checkout sells test products there, and fulfillments committed in place leave from there.
 */
export const testLocation = (): Promise<string> => {
  location ??= (async () => {
    const id = `test-wh-${randomUUID().slice(0, 8)}`;
    const res = await adminSend('POST', '/admin/stock-locations', {
      id,
      name: id,
      kind: 'warehouse',
      priority: 1,
    });
    expect(res.status).toBe(201);
    // A warm function sources from the location list it read up to LOCATION_CACHE_MS ago: until that
    // has passed, stock at this new location cannot be reserved (another test file may have warmed it).
    await new Promise((resolve) => setTimeout(resolve, LOCATION_CACHE_MS + 500));
    return id;
  })();
  return location;
};

/** Sets a variant's on-hand stock through the admin API. */
export const stock = async (variantId: string, onHand: number): Promise<void> => {
  const res = await adminSend('PUT', `/admin/inventory/${variantId}`, {
    levels: [{ locationId: await testLocation(), onHand }],
  });
  expect(res.status).toBe(200);
};

/** A new signed-in customer: a token minted by the local issuer for a fresh e-mail. */
export const newCustomer = async (): Promise<{ token: string; sub: string }> => {
  const res = await fetch(`${cloud().endpoints.issuer}/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `shopper-${randomUUID().slice(0, 8)}@example.com` }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; sub: string };
};

/**
 * A new warehouse for this test file (`<prefix>-<random>`), created by the back office; `priority` 2
 * unless given (lower is sourced first).
 */
export const testWarehouse = async (prefix: string, priority = 2): Promise<string> => {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  const made = await adminSend('POST', '/admin/stock-locations', {
    id,
    name: id,
    kind: 'warehouse',
    priority,
  });
  expect(made.status).toBe(201);
  return id;
};
