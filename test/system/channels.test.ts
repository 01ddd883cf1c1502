import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION_CACHE_MS } from '#contexts/inventory/data/location-repository.ts';
import { eventually } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';
import { adminSend, newCustomer, publishedProduct, testWarehouse } from '../support/store.ts';

/** A storefront's call: its publishable key (none: the default channel), a cart token, a bearer. */
const store = (
  method: string,
  path: string,
  body?: unknown,
  who: { key?: string; cartToken?: string; bearer?: string; idempotencyKey?: string } = {},
) =>
  sendJson(method, path, body, who.bearer, {
    ...(who.key ? { 'x-publishable-api-key': who.key } : {}),
    ...(who.cartToken ? { 'x-cart-token': who.cartToken } : {}),
    ...(who.idempotencyKey ? { 'idempotency-key': who.idempotencyKey } : {}),
  });

const address = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postalCode: '51147',
  country: 'DE',
};

describe('sales channels', () => {
  const tag = randomUUID().slice(0, 8);
  const channelId = `web-${tag}`;
  let key: string;
  let inChannel: Awaited<ReturnType<typeof publishedProduct>>;
  let outside: Awaited<ReturnType<typeof publishedProduct>>;
  let served: string;
  let notServed: string;
  let shippingOption: string;

  beforeAll(async () => {
    // The location the channel does not use is the better one (priority 1 before 2): sourcing picks the
    // channel's own only because checkout leaves the others out.
    [served, notServed] = await Promise.all([testWarehouse('ch-in'), testWarehouse('ch-out', 1)]);
    const made = await adminSend('POST', '/admin/channels', {
      id: channelId,
      name: 'Web shop',
      currencies: ['EUR'],
      stockLocationIds: [served],
    });
    expect(made.status).toBe(201);
    const created = await adminSend('POST', `/admin/channels/${channelId}/publishable-keys`, {
      title: 'Web',
    });
    expect(created.status).toBe(201);
    key = created.body.id;
    [inChannel, outside] = await Promise.all([
      publishedProduct([{ prices: { EUR: 1500, USD: 1700 } }]),
      publishedProduct([{ prices: { EUR: 900 } }]),
    ]);
    const read = await adminSend('GET', `/admin/products/${inChannel.productId}`);
    const moved = await adminSend('PATCH', `/admin/products/${inChannel.productId}`, {
      version: read.body.version,
      channelIds: [channelId],
    });
    expect(moved.status).toBe(200);
    const option = await adminSend('POST', '/admin/shipping-options', {
      id: `ch-${tag}`,
      name: 'Parcel DE',
      countries: ['DE'],
      rate: { type: 'flat', amounts: { EUR: 500 } },
    });
    expect(option.status).toBe(201);
    shippingOption = option.body.id;
    // A warm checkout function sources from the location list it read up to LOCATION_CACHE_MS ago.
    await new Promise((resolve) => setTimeout(resolve, LOCATION_CACHE_MS + 500));
  });

  describe('admin', () => {
    it('lists the default channel without anyone creating it, and refuses to delete it', async () => {
      const list = await adminSend('GET', '/admin/channels');
      expect(list.status).toBe(200);
      const ids = (list.body.items as { id: string }[]).map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining(['default', channelId]));
      const fallback = await adminSend('GET', '/admin/channels/default');
      expect(fallback.body).toMatchObject({ isDefault: true, currencies: null, stockLocationIds: null });
      expectProblem(
        await adminSend('DELETE', '/admin/channels/default?version=1'),
        409,
        'default_channel_fixed',
      );
    });

    it('refuses a taken id, an unknown location and narrowing the default channel', async () => {
      const base = { name: 'x', currencies: ['EUR'], stockLocationIds: [served] };
      expectProblem(
        await adminSend('POST', '/admin/channels', { ...base, id: channelId }),
        409,
        'channel_exists',
      );
      expectProblem(
        await adminSend('POST', '/admin/channels', {
          ...base,
          id: `bad-${tag}`,
          stockLocationIds: ['nowhere'],
        }),
        422,
        'unknown_stock_location',
      );
      const current = await adminSend('GET', '/admin/channels/default');
      expectProblem(
        await adminSend('PATCH', '/admin/channels/default', {
          version: current.body.version,
          currencies: ['EUR'],
        }),
        409,
        'default_channel_fixed',
      );
    });

    it('changes and deletes a channel with the version it read', async () => {
      const id = `tmp-${tag}`;
      const made = await adminSend('POST', '/admin/channels', {
        id,
        name: 'Temporary',
        currencies: ['USD'],
        stockLocationIds: [served],
      });
      expect(made.body).toMatchObject({ id, isDefault: false, version: 1 });
      const changed = await adminSend('PATCH', `/admin/channels/${id}`, { version: 1, name: 'Renamed' });
      expect(changed.body).toMatchObject({ name: 'Renamed', version: 2 });
      expectProblem(await adminSend('DELETE', `/admin/channels/${id}?version=1`), 409, 'version_conflict');
      expect((await adminSend('DELETE', `/admin/channels/${id}?version=2`)).status).toBe(204);
      expectProblem(await adminSend('GET', `/admin/channels/${id}`), 404, 'channel_not_found');
    });

    it('lists a channel’s keys and revokes one, which the store then refuses', async () => {
      const made = await adminSend('POST', `/admin/channels/${channelId}/publishable-keys`, {});
      expect(made.body.id).toMatch(/^pk_[0-9a-f]{32}$/);
      const list = await adminSend('GET', `/admin/channels/${channelId}/publishable-keys`);
      expect((list.body.items as { id: string }[]).map((k) => k.id)).toEqual(
        expect.arrayContaining([key, made.body.id]),
      );
      const revoked = await adminSend(
        'DELETE',
        `/admin/channels/${channelId}/publishable-keys/${made.body.id}`,
      );
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      // Never used before its revocation, so no store function has it cached.
      expectProblem(
        await store('GET', '/products', undefined, { key: made.body.id }),
        401,
        'invalid_publishable_key',
      );
    });
  });

  describe('store', () => {
    it('answers 401 invalid_publishable_key for a key that does not exist', async () => {
      const unknown = `pk_${'0'.repeat(32)}`;
      expectProblem(
        await store('GET', '/products', undefined, { key: unknown }),
        401,
        'invalid_publishable_key',
      );
      expectProblem(
        await store('POST', '/carts', { currency: 'EUR' }, { key: unknown }),
        401,
        'invalid_publishable_key',
      );
    });

    it('shows a second channel its own catalog, in its own currencies', async () => {
      const listed = await eventually(async () => {
        const page = await store('GET', '/products?limit=100', undefined, { key });
        const ids = (page.body.items as { id: string }[]).map((p) => p.id);
        return ids.includes(inChannel.productId) ? page : undefined;
      });
      const items = listed.body.items as { id: string; priceFrom: Record<string, number> }[];
      expect(items.map((p) => p.id)).not.toContain(outside.productId);
      expect(items.find((p) => p.id === inChannel.productId)!.priceFrom).toEqual({ EUR: 1500 });
      expect(listed.headers.get('vary')).toBe('x-publishable-api-key');
      // Without a key: the default channel, which shows every product as before.
      await eventually(async () => {
        const page = await api('/products?limit=100');
        const ids = (page.body.items as { id: string }[]).map((p) => p.id);
        return ids.includes(outside.productId) && ids.includes(inChannel.productId) ? ids : undefined;
      });
      expectProblem(
        await store('GET', '/products?currency=USD', undefined, { key }),
        400,
        'currency_not_in_channel',
      );
    });

    it('answers 404 for a product outside the channel, by id and by slug', async () => {
      expectProblem(
        await store('GET', `/products/${outside.productId}`, undefined, { key }),
        404,
        'product_not_found',
      );
      expectProblem(
        await store('GET', `/products/by-slug/${outside.slug}`, undefined, { key }),
        404,
        'product_not_found',
      );
      expect((await api(`/products/${outside.productId}`)).status).toBe(200);
      const page = await store('GET', `/products/by-slug/${inChannel.slug}`, undefined, { key });
      expect(page.status).toBe(200);
      expect(page.body.channelIds).toBeUndefined();
      expect(page.body.variants[0].prices).toEqual({ EUR: 1500 });
      expect(Object.keys(page.body.variants[0].effectivePrices)).toEqual(['EUR']);
      const everywhere = await api(`/products/${inChannel.productId}`);
      expect(everywhere.body.variants[0].prices).toEqual({ EUR: 1500, USD: 1700 });
    });
  });

  describe('carts', () => {
    it('records the channel, refuses its unsold currency, products outside it and other channels’ keys', async () => {
      expectProblem(
        await store('POST', '/carts', { currency: 'USD' }, { key }),
        422,
        'currency_not_in_channel',
      );
      const cart = await store('POST', '/carts', { currency: 'EUR' }, { key });
      expect(cart.status).toBe(201);
      expect(cart.body.channelId).toBe(channelId);
      const who = { key, cartToken: cart.body.token as string };
      expectProblem(
        await store(
          'POST',
          `/carts/${cart.body.id}/items`,
          { variantId: outside.variantIds[0], quantity: 1 },
          who,
        ),
        422,
        'product_not_in_channel',
      );
      const added = await store(
        'POST',
        `/carts/${cart.body.id}/items`,
        { variantId: inChannel.variantIds[0], quantity: 1 },
        who,
      );
      expect(added.status).toBe(200);
      expectProblem(
        await store('GET', `/carts/${cart.body.id}`, undefined, { cartToken: who.cartToken }),
        403,
        'cart_channel_mismatch',
      );
      const plain = await store('POST', '/carts', { currency: 'USD' });
      expect(plain.body.channelId).toBe('default');
      expectProblem(
        await store('GET', `/carts/${plain.body.id}`, undefined, { key, cartToken: plain.body.token }),
        403,
        'cart_channel_mismatch',
      );
    });
  });

  describe('stock and orders', () => {
    /** A customer's cart of `quantity` units of the channel's product, ready to check out. */
    const readyCart = async (bearer: string, quantity: number, channelKey?: string) => {
      const who = { bearer, ...(channelKey ? { key: channelKey } : {}) };
      const cart = await store('POST', '/carts', { currency: 'EUR' }, who);
      expect(cart.status).toBe(201);
      const id = cart.body.id as string;
      const line = { variantId: inChannel.variantIds[0], quantity };
      expect((await store('POST', `/carts/${id}/items`, line, who)).status).toBe(200);
      const email = { email: 'erika@example.com' };
      expect((await store('PUT', `/carts/${id}/email`, email, who)).status).toBe(200);
      expect((await store('PUT', `/carts/${id}/shipping-address`, address, who)).status).toBe(200);
      const method = await store('PUT', `/carts/${id}/shipping-method`, { optionId: shippingOption }, who);
      expect(method.status).toBe(200);
      return { id, who };
    };

    const availableIn = async (cartId: string, who: { bearer: string; key?: string }) =>
      (await store('GET', `/carts/${cartId}`, undefined, who)).body.lines[0].available as number;

    it('sells only stock at the channel’s locations, and the order carries and filters by the channel', async () => {
      const variantId = inChannel.variantIds[0];
      const put = await adminSend('PUT', `/admin/inventory/${variantId}`, {
        levels: [
          { locationId: served, onHand: 0 },
          { locationId: notServed, onHand: 5 },
        ],
      });
      expect(put.status).toBe(200);
      const shopper = await newCustomer();

      // The default channel sells from every location: the 5 units elsewhere show once the summary is written.
      const plain = await readyCart(shopper.token, 1);
      await eventually(async () => ((await availableIn(plain.id, plain.who)) === 5 ? true : undefined));
      // The channel's location has none: its cart shows 0 and its checkout is refused.
      const web = await readyCart(shopper.token, 1, key);
      expect(await availableIn(web.id, web.who)).toBe(0);
      const refused = await store('POST', `/carts/${web.id}/checkout`, undefined, {
        ...web.who,
        idempotencyKey: randomUUID(),
      });
      expectProblem(refused, 409, 'out_of_stock');

      // Two units arrive at the channel's location: the channel sells one, reserved there.
      const restock = await adminSend('PUT', `/admin/inventory/${variantId}`, {
        levels: [{ locationId: served, onHand: 2 }],
      });
      expect(restock.status).toBe(200);
      await eventually(async () => ((await availableIn(web.id, web.who)) === 2 ? true : undefined));
      const placed = await store('POST', `/carts/${web.id}/checkout`, undefined, {
        ...web.who,
        idempotencyKey: randomUUID(),
      });
      expect(placed.body).toMatchObject({ orderId: expect.any(String) });
      const levels = await adminSend('GET', `/admin/inventory/${variantId}`);
      const at = (id: string) =>
        (levels.body.levels as { locationId: string; reserved: number }[]).find((l) => l.locationId === id);
      expect(at(served)?.reserved).toBe(1);
      expect(at(notServed)?.reserved).toBe(0);

      const order = await adminSend('GET', `/admin/orders/${placed.body.orderId}`);
      expect(order.body.channelId).toBe(channelId);
      const ofChannel = await adminSend(
        'GET',
        `/admin/orders?customerId=${shopper.sub}&channelId=${channelId}`,
      );
      expect((ofChannel.body.items as { id: string; channelId: string }[]).map((o) => o.id)).toEqual([
        placed.body.orderId,
      ]);
      expect(ofChannel.body.items[0].channelId).toBe(channelId);
      const ofDefault = await adminSend('GET', `/admin/orders?customerId=${shopper.sub}&channelId=default`);
      expect(ofDefault.body.items).toEqual([]);
    });
  });
});
