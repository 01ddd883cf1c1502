import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CategoryNode } from '#contexts/catalog/domain/category-schemas.ts';
import { cloud, eventually } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';

const admin = () => cloud().tokens.admin;
const send = (method: string, path: string, body?: unknown, token = admin()) =>
  sendJson(method, path, body, token);

const newProduct = (tag = randomUUID().slice(0, 8)) => ({
  slug: `walrus-mug-${tag}`,
  title: `Walrus Mug ${tag}`,
  description: 'A sturdy mug with a walrus on it',
  categoryIds: ['home'],
  options: [{ name: 'colour', values: ['grey', 'blue'] }],
  variants: [
    {
      sku: `WALRUS-${tag}-GREY`.toUpperCase(),
      title: 'Grey',
      options: { colour: 'grey' },
      prices: { EUR: 1500, USD: 1600 },
    },
    {
      sku: `WALRUS-${tag}-BLUE`.toUpperCase(),
      title: 'Blue',
      options: { colour: 'blue' },
      prices: { EUR: 1700, USD: 1800 },
    },
  ],
});

describe('catalog admin over HTTP', () => {
  it('creates, publishes, lists, finds by slug, archives and deletes a product', async () => {
    const input = newProduct();
    const created = await send('POST', '/admin/products', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, priceFrom: { EUR: 1500, USD: 1600 } });
    const id: string = created.body.id;
    expectProblem(await api(`/products/${id}`), 404, 'product_not_found');

    const published = await send('POST', `/admin/products/${id}/publish`, { version: 1 });
    expect(published.body).toMatchObject({ status: 'active', version: 2 });
    expect((await api(`/products/by-slug/${input.slug}`)).body.id).toBe(id);
    // The listing follows from the ProductUpdated event (eventually consistent).
    const tag = input.title.split(' ')[2]!.toLowerCase();
    await eventually(async () => {
      const res = await api(`/products?q=walrus%20${tag}&category=home`);
      return res.body.items.some((p: { id: string }) => p.id === id) ? true : undefined;
    });

    expect((await send('POST', `/admin/products/${id}/archive`, { version: 2 })).body.status).toBe(
      'archived',
    );
    expectProblem(await api(`/products/by-slug/${input.slug}`), 404, 'product_not_found');
    await eventually(async () => {
      const res = await api(`/products?q=${tag}`);
      return res.body.items.length === 0 ? true : undefined;
    });
    expect((await send('DELETE', `/admin/products/${id}?version=3`)).status).toBe(204);
    expectProblem(await send('GET', `/admin/products/${id}`), 404, 'product_not_found');
  });

  it('answers 409 for a duplicate slug or SKU and for a lost update', async () => {
    const input = newProduct();
    const first = await send('POST', '/admin/products', input);
    expectProblem(await send('POST', '/admin/products', { ...input, variants: [] }), 409, 'slug_taken');
    expectProblem(
      await send('POST', '/admin/products', {
        ...newProduct(),
        variants: [{ ...input.variants[0], options: { colour: 'grey' } }],
      }),
      409,
      'sku_taken',
    );
    const id = first.body.id;
    expect((await send('PATCH', `/admin/products/${id}`, { version: 1, title: 'Mine' })).status).toBe(200);
    expectProblem(
      await send('PATCH', `/admin/products/${id}`, { version: 1, title: 'Theirs' }),
      409,
      'version_conflict',
    );
    expect((await send('GET', `/admin/products/${id}`)).body).toMatchObject({ title: 'Mine', version: 2 });
  });

  it('changes a variant price and sale prices, and shows them on the product page', async () => {
    const created = (await send('POST', '/admin/products', newProduct())).body;
    const variant = created.variants.find((v: { title: string }) => v.title === 'Grey');
    const path = `/admin/products/${created.id}/variants/${variant.id}`;
    const priced = await send('PATCH', path, { version: 1, prices: { EUR: 1200, USD: 1300 } });
    expect(priced.body).toMatchObject({ version: 2, priceFrom: { EUR: 1200, USD: 1300 } });
    const sale = {
      priceList: 'summer',
      currency: 'EUR',
      amount: 900,
      startsAt: '2020-01-01T00:00:00.000Z',
      endsAt: '2999-01-01T00:00:00.000Z',
    };
    const onSale = await send('PUT', `${path}/sale-prices`, { version: 2, salePrices: [sale] });
    expect(onSale.status).toBe(200);
    await send('POST', `/admin/products/${created.id}/publish`, { version: 3 });
    const page = await api(`/products/${created.id}`);
    const grey = page.body.variants.find((v: { id: string }) => v.id === variant.id);
    expect(grey.effectivePrices.EUR).toEqual({
      currency: 'EUR',
      amount: 900,
      compareAt: 1200,
      priceList: 'summer',
    });
    expect(grey.effectivePrices.USD).toEqual({ currency: 'USD', amount: 1300 });
  });

  it('adds a variant and removes one, keeping an active product’s last variant', async () => {
    const input = newProduct();
    const created = (await send('POST', '/admin/products', input)).body;
    const sku = `${input.variants[0]!.sku}-XL`;
    const added = await send('POST', `/admin/products/${created.id}/variants`, {
      version: 1,
      sku,
      title: 'Grey XL',
      options: { colour: 'grey' },
      prices: { EUR: 1900, USD: 2000 },
    });
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(2);
    const extra = added.body.variants.find((v: { sku: string }) => v.sku === sku);
    const removed = await send('DELETE', `/admin/products/${created.id}/variants/${extra.id}?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.body.variants.map((v: { sku: string }) => v.sku).sort()).toEqual(
      input.variants.map((v) => v.sku).sort(),
    );

    // Published with one variant, the product may not lose it: the store would list it unsellable.
    const [first, second] = removed.body.variants;
    await send('DELETE', `/admin/products/${created.id}/variants/${second.id}?version=3`);
    await send('POST', `/admin/products/${created.id}/publish`, { version: 4 });
    expectProblem(
      await send('DELETE', `/admin/products/${created.id}/variants/${first.id}?version=5`),
      409,
      'last_variant',
    );
  });

  it('creates, renames, moves and deletes a category, and the store’s tree follows', async () => {
    const id = `mugs-${randomUUID().slice(0, 8)}`;
    const inTree = async (parent: string | null, name: string) => {
      const { items } = (await api('/categories')).body as { items: CategoryNode[] };
      const siblings = parent === null ? items : (items.find((c) => c.id === parent)?.children ?? []);
      return siblings.some((c) => c.id === id && c.name === name) ? true : undefined;
    };
    const created = await send('POST', '/admin/categories', { id, name: 'Mugs' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/admin/categories/${id}`);
    expect(created.body).toMatchObject({ id, parentId: null, version: 1 });
    await eventually(() => inTree(null, 'Mugs'));

    const moved = await send('PATCH', `/admin/categories/${id}`, {
      version: 1,
      name: 'Walrus mugs',
      parentId: 'home',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Walrus mugs', parentId: 'home', version: 2 });
    await eventually(() => inTree('home', 'Walrus mugs'));

    expectProblem(await send('DELETE', `/admin/categories/${id}?version=1`), 409, 'version_conflict');
    expect((await send('DELETE', `/admin/categories/${id}?version=2`)).status).toBe(204);
    await eventually(async () => ((await inTree('home', 'Walrus mugs')) ? undefined : true));
  });

  it.each([
    ['a negative price', { prices: { EUR: -1 } }],
    ['a fractional price', { prices: { EUR: 10.5 } }],
    ['an unknown currency', { prices: { XXX: 100 } }],
    ['an unknown field', { colourful: true }],
    ['a title over its limit', { title: 'x'.repeat(201) }],
  ])('answers 400 for %s', async (_, patch) => {
    const input = newProduct();
    const res = await send('POST', '/admin/products', {
      ...input,
      variants: [{ ...input.variants[0], ...patch }],
    });
    expectProblem(res, 400, 'validation_failed');
  });

  type NewProduct = ReturnType<typeof newProduct>;
  it.each([
    [
      'a right-to-left override in the title',
      (p: NewProduct) => ({ ...p, title: 'Invoice\u202Egpj.exe' }),
      'body.title',
    ],
    [
      'a control character in the description',
      (p: NewProduct) => ({ ...p, description: 'Sturdy\u0007mug' }),
      'body.description',
    ],
    [
      'a line break in a variant title',
      (p: NewProduct) => ({ ...p, variants: [{ ...p.variants[0]!, title: 'Grey\nBlue' }] }),
      'body.variants.0.title',
    ],
  ])('answers 400 validation_failed for %s, naming the field', async (_, body, path) => {
    const res = await send('POST', '/admin/products', body(newProduct()));
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([{ path, message: expect.stringMatching(/^Contains U\+/) }]);
  });

  // No emoji here: the local SQS (fauxqs) refuses characters past U+FFFF that SQS accepts, so the
  // product's events would not reach their queues locally. Unit tests cover emoji.
  it('keeps line breaks in a description, and accents and other scripts in a title', async () => {
    const input = {
      ...newProduct(),
      title: 'Crème brûlée mug — 東京',
      description: 'Holds 350 ml.\r\n\tDishwasher safe.',
    };
    const res = await send('POST', '/admin/products', input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: input.title, description: input.description });
  });

  it('answers 404 for a product that does not exist, 403 for a customer and 413 for a huge body', async () => {
    expectProblem(
      await send('PATCH', `/admin/products/${randomUUID()}`, { version: 1, title: 'x' }),
      404,
      'product_not_found',
    );
    expectProblem(
      await send('POST', '/admin/products', newProduct(), cloud().tokens.customer),
      403,
      'forbidden',
    );
    const res = await api('/admin/products', {
      method: 'POST',
      token: admin(),
      body: 'x'.repeat(300 * 1024),
    });
    expectProblem(res, 413, 'payload_too_large');
  });
});
