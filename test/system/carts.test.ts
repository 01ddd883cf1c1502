import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { stockOf } from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import { adminSend, newCustomer, publishedProduct, stock, type TestProduct } from '../support/store.ts';

/** A cart call as a storefront makes it: the guest token as `X-Cart-Token`, a customer's as Bearer. */
const cartCall = (
  method: string,
  path: string,
  body?: unknown,
  auth: { token?: string; bearer?: string } = {},
) => sendJson(method, path, body, auth.bearer, auth.token ? { 'x-cart-token': auth.token } : {});

/** Tax contained in a tax-inclusive amount, rounded half up: amount × r / (1 + r), r in ppm. */
const inclusiveTax = (amount: number, ppm: number) =>
  Math.floor((2 * amount * ppm + (1_000_000 + ppm)) / (2 * (1_000_000 + ppm)));

const guestCart = async (currency = 'EUR') => {
  const res = await cartCall('POST', '/carts', { currency });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: res.body.token as string, body: res.body };
};

/** Waits until the stream-fed stock summary shows every line's stock, then answers the cart. */
/** A new 10 % promotion with a fresh code: its id and code. */
const tenPercentOff = async (prefix: string) => {
  const code = `${prefix}${randomUUID().slice(0, 6).toUpperCase()}`;
  const promotion = await adminSend('POST', '/admin/promotions', {
    name: '10 % off',
    type: 'percentage',
    percentBps: 1000,
    code,
    combinable: false,
  });
  expect(promotion.status).toBe(201);
  return { id: promotion.body.id as string, code };
};

const settledCart = (id: string, auth: { token?: string; bearer?: string }) =>
  eventually(async () => {
    const res = await cartCall('GET', `/carts/${id}`, undefined, auth);
    return res.status === 200 && res.body.lines.every((l: { available: number }) => l.available > 0)
      ? res
      : undefined;
  });

describe('carts over HTTP', () => {
  let mugs: TestProduct;
  let tea: TestProduct;

  beforeAll(async () => {
    useLocalDynamo();
    mugs = await publishedProduct([{ prices: { EUR: 1999 } }, { prices: { EUR: 2450, USD: 2600 } }]);
    tea = await publishedProduct([{ prices: { EUR: 999, USD: 1099 }, weightGrams: 250 }], {
      taxClass: 'reduced',
    });
    await Promise.all([...mugs.variantIds, ...tea.variantIds].map((v) => stock(v, 50)));
  });

  it('prices a guest cart of three variants exactly, applies a 10% code across lines, ships to DE with VAT, and is claimed', async () => {
    const cart = await guestCart();
    expect(cart.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cart.body).toMatchObject({
      status: 'open',
      lines: [],
      checkoutBlockers: ['empty_cart', 'no_shipping_option'],
    });
    const auth = { token: cart.token };
    for (const [variantId, quantity] of [
      [mugs.variantIds[0], 2],
      [mugs.variantIds[1], 1],
      [tea.variantIds[0], 3],
    ] as const) {
      const added = await cartCall('POST', `/carts/${cart.id}/items`, { variantId, quantity }, auth);
      expect(added.status).toBe(200);
    }
    const priced = (await settledCart(cart.id, auth)).body;
    // EUR prices include VAT; no address yet, so the store's home country (DE: 19 %, reduced 7 %).
    expect(priced.pricesIncludeTax).toBe(true);
    expect(priced.lines.map((l: { subtotal: number }) => l.subtotal)).toEqual([3998, 2450, 2997]);
    expect(priced.lines.map((l: { tax: number }) => l.tax)).toEqual([
      inclusiveTax(3998, 190_000),
      inclusiveTax(2450, 190_000),
      inclusiveTax(2997, 70_000),
    ]);
    expect(priced.totals).toMatchObject({
      subtotal: 9445,
      discountTotal: 0,
      grandTotal: 9445,
      taxTotal: 638 + 391 + 196,
    });
    expect(priced.lines[0]).toMatchObject({ quantity: 2, unitPrice: 1999, available: 50, flags: [] });

    const { id: promotionId, code } = await tenPercentOff('TEN');
    const discounted = await cartCall(
      'POST',
      `/carts/${cart.id}/promotions`,
      { code: code.toLowerCase() },
      auth,
    );
    expect(discounted.status).toBe(200);
    // 10 % of 9445 is 944.5: rounded half up once, then split by largest remainder so the parts add up.
    expect(discounted.body.totals).toMatchObject({ discountTotal: 945, grandTotal: 8500 });
    const parts = discounted.body.lines.map((l: { discountTotal: number }) => l.discountTotal);
    expect(parts.reduce((a: number, b: number) => a + b, 0)).toBe(945);
    expect(parts).toEqual([400, 245, 300]);
    expect(discounted.body.promotions.applied).toEqual([
      { promotionId, code, type: 'percentage', amount: 945 },
    ]);

    const optionId = `cart-test-${randomUUID().slice(0, 8)}`;
    const option = await adminSend('POST', '/admin/shipping-options', {
      id: optionId,
      name: 'Parcel DE',
      countries: ['DE'],
      rate: { type: 'flat', amounts: { EUR: 590 } },
    });
    expect(option.status).toBe(201);
    const addressed = await cartCall(
      'PUT',
      `/carts/${cart.id}/shipping-address`,
      { name: 'Erika Mustermann', line1: 'Heidestraße 17', city: 'Köln', postalCode: '51147', country: 'DE' },
      auth,
    );
    expect(addressed.status).toBe(200);
    const quotes = await cartCall('GET', `/carts/${cart.id}/shipping-options`, undefined, auth);
    expect(quotes.body.destination).toEqual({ country: 'DE', source: 'address' });
    expect(quotes.body.options).toContainEqual(
      expect.objectContaining({
        id: optionId,
        grandTotal: 8500 + 590,
        quote: expect.objectContaining({ amount: 590 }),
      }),
    );
    const shipped = await cartCall('PUT', `/carts/${cart.id}/shipping-method`, { optionId }, auth);
    expect(shipped.status).toBe(200);
    expect(shipped.body.shipping).toMatchObject({
      status: 'ok',
      amount: 590,
      taxRatePpm: 190_000,
      tax: inclusiveTax(590, 190_000),
    });
    expect(shipped.body.totals).toMatchObject({ shippingTotal: 590, grandTotal: 9090 });
    expect(shipped.body.checkoutBlockers).toEqual([]);

    const customer = await newCustomer();
    const claimed = await cartCall('POST', `/carts/${cart.id}/claim`, undefined, {
      ...auth,
      bearer: customer.token,
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      id: cart.id,
      customerId: customer.sub,
      totals: { grandTotal: 9090 },
    });
    // The cart is the customer's now: the guest token alone no longer opens it, the customer's token does.
    expectProblem(await cartCall('GET', `/carts/${cart.id}`, undefined, auth), 404, 'cart_not_found');
    expect((await cartCall('GET', `/carts/${cart.id}`, undefined, { bearer: customer.token })).status).toBe(
      200,
    );
  });

  it('shows a price an admin raised at the new price, flagged with the price it was added at', async () => {
    const product = await publishedProduct([{ prices: { EUR: 1200 } }]);
    await stock(product.variantIds[0]!, 5);
    const cart = await guestCart();
    const auth = { token: cart.token };
    await cartCall(
      'POST',
      `/carts/${cart.id}/items`,
      { variantId: product.variantIds[0], quantity: 1 },
      auth,
    );
    const raised = await adminSend(
      'PATCH',
      `/admin/products/${product.productId}/variants/${product.variantIds[0]}`,
      {
        version: product.version,
        prices: { EUR: 1500 },
      },
    );
    expect(raised.status).toBe(200);
    // The stream-fed stock summary may lag the stock just set: wait for it, or the line is out of stock.
    const res = await settledCart(cart.id, auth);
    expect(res.body.lines[0]).toMatchObject({
      unitPrice: 1500,
      previousUnitPrice: 1200,
      flags: ['price_changed'],
      excluded: false,
    });
    expect(res.body.totals.subtotal).toBe(1500);
  });

  it('flags lines of an archived product and of a variant without stock, and keeps them out of the totals', async () => {
    const gone = await publishedProduct([{ prices: { EUR: 500 } }]);
    const empty = await publishedProduct([{ prices: { EUR: 700 } }]);
    await Promise.all([stock(gone.variantIds[0]!, 3), stock(empty.variantIds[0]!, 0)]);
    // The stream-fed stock summary may lag the stock just set: else the archived line is out of stock too.
    await eventually(async () => ((await stockOf(gone.variantIds[0]!)).available === 3 ? true : undefined));
    const cart = await guestCart();
    const auth = { token: cart.token };
    await cartCall('POST', `/carts/${cart.id}/items`, { variantId: gone.variantIds[0], quantity: 1 }, auth);
    await cartCall('POST', `/carts/${cart.id}/items`, { variantId: empty.variantIds[0], quantity: 1 }, auth);
    expect(
      (await adminSend('POST', `/admin/products/${gone.productId}/archive`, { version: gone.version }))
        .status,
    ).toBe(200);
    const res = await cartCall('GET', `/carts/${cart.id}`, undefined, auth);
    expect(res.body.lines.map((l: { flags: string[] }) => l.flags)).toEqual([['archived'], ['out_of_stock']]);
    expect(res.body.lines[1].available).toBe(0);
    expect(res.body.totals.grandTotal).toBe(0);
    expect(res.body.checkoutBlockers).toContain('excluded_lines');
  });

  it('removes an entered code and a line, answering the cart repriced without them', async () => {
    const cart = await guestCart();
    const auth = { token: cart.token };
    for (const variantId of [mugs.variantIds[0], tea.variantIds[0]])
      expect(
        (await cartCall('POST', `/carts/${cart.id}/items`, { variantId, quantity: 1 }, auth)).status,
      ).toBe(200);
    const { code } = await tenPercentOff('OFF');
    const discounted = await cartCall('POST', `/carts/${cart.id}/promotions`, { code }, auth);
    expect(discounted.body.totals.discountTotal).toBeGreaterThan(0);

    const uncoded = await cartCall('DELETE', `/carts/${cart.id}/promotions`, { code }, auth);
    expect(uncoded.status).toBe(200);
    expect(uncoded.body).toMatchObject({ promotionCodes: [], totals: { discountTotal: 0 } });
    expect(uncoded.body.promotions.applied).toEqual([]);
    expectProblem(
      await cartCall('DELETE', `/carts/${cart.id}/promotions`, { code }, auth),
      404,
      'promotion_code_not_in_cart',
    );

    const mugLine = uncoded.body.lines[0].id as string;
    const removed = await cartCall('DELETE', `/carts/${cart.id}/items/${mugLine}`, undefined, auth);
    expect(removed.status).toBe(200);
    expect(removed.body.lines.map((l: { variantId: string }) => l.variantId)).toEqual([tea.variantIds[0]]);
    expect(removed.body.totals.subtotal).toBe(999);
    expectProblem(
      await cartCall('DELETE', `/carts/${cart.id}/items/${mugLine}`, undefined, auth),
      404,
      'line_not_found',
    );
  });

  it('refuses bad input with problem+json and changes nothing', async () => {
    const cart = await guestCart();
    const auth = { token: cart.token };
    const items = `/carts/${cart.id}/items`;
    for (const quantity of [0, -1, 1.5, 1000, '2'])
      expectProblem(
        await cartCall('POST', items, { variantId: mugs.variantIds[0], quantity }, auth),
        400,
        'validation_failed',
      );
    expectProblem(
      await cartCall('POST', items, { variantId: 'no-such-variant', quantity: 1 }, auth),
      404,
      'variant_not_found',
    );
    const usd = await guestCart('USD');
    expectProblem(
      await cartCall(
        'POST',
        `/carts/${usd.id}/items`,
        { variantId: mugs.variantIds[0], quantity: 1 },
        { token: usd.token },
      ),
      422,
      'currency_not_priced',
    );
    expectProblem(
      await cartCall('POST', `/carts/${cart.id}/promotions`, { code: 'NO-SUCH-CODE' }, auth),
      422,
      'promotion_code_unknown',
    );
    expectProblem(await cartCall('PATCH', `${items}/nope`, { quantity: 2 }, auth), 404, 'line_not_found');
    expectProblem(await cartCall('POST', '/carts', { currency: 'XYZ' }), 400, 'validation_failed');
    const unchanged = await cartCall('GET', `/carts/${cart.id}`, undefined, auth);
    expect(unchanged.body).toMatchObject({ version: 1, lines: [], promotionCodes: [] });
  });

  it.each([
    ['a control character in an address line', { line1: 'Heidestraße 17\u001b[2J' }, 'body.line1'],
    ['a direction override in the recipient', { name: 'Erika \u202EnnamretsuM' }, 'body.name'],
    ['a lone surrogate in the city', { city: 'K\ud800ln' }, 'body.city'],
  ])(
    'refuses a shipping address with %s, naming the field, and keeps the cart unchanged',
    async (_, patch, path) => {
      const cart = await guestCart();
      const auth = { token: cart.token };
      const address = { name: 'Erika Mustermann', line1: 'Heidestraße 17', city: 'Köln', country: 'DE' };
      const res = await cartCall('PUT', `/carts/${cart.id}/shipping-address`, { ...address, ...patch }, auth);
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([{ path, message: expect.stringMatching(/^Contains U\+/) }]);
      const unchanged = await cartCall('GET', `/carts/${cart.id}`, undefined, auth);
      expect(unchanged.body).toMatchObject({ version: 1, shippingAddress: null });
    },
  );

  it('refuses an expired code and an exhausted one like a code that matches nothing', async () => {
    const cart = await guestCart();
    await cartCall(
      'POST',
      `/carts/${cart.id}/items`,
      { variantId: mugs.variantIds[0], quantity: 1 },
      { token: cart.token },
    );
    const expired = `OLD${randomUUID().slice(0, 6).toUpperCase()}`;
    const past = await adminSend('POST', '/admin/promotions', {
      name: 'Last year',
      type: 'percentage',
      percentBps: 500,
      code: expired,
      combinable: true,
      startsAt: '2025-01-01T00:00:00.000Z',
      endsAt: '2025-02-01T00:00:00.000Z',
    });
    expect(past.status).toBe(201);
    expectProblem(
      await cartCall('POST', `/carts/${cart.id}/promotions`, { code: expired }, { token: cart.token }),
      422,
      'promotion_code_unknown',
    );

    const used = `USED${randomUUID().slice(0, 6).toUpperCase()}`;
    const limited = await adminSend('POST', '/admin/promotions', {
      name: 'Once',
      type: 'fixed_amount',
      amounts: { EUR: 100 },
      code: used,
      combinable: true,
      usageLimit: 1,
    });
    expect(limited.status).toBe(201);
    // Checkout consumes usage; here the counter is set as if one order had used the code.
    await documentClient().send(
      new UpdateCommand({
        TableName: cloud().tableName,
        Key: promotionKeys.usage(limited.body.id),
        UpdateExpression: 'SET used = :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    expectProblem(
      await cartCall('POST', `/carts/${cart.id}/promotions`, { code: used }, { token: cart.token }),
      422,
      'promotion_code_unknown',
    );
    expect(
      (await cartCall('GET', `/carts/${cart.id}`, undefined, { token: cart.token })).body.promotionCodes,
    ).toEqual([]);
  });

  it('answers 404 for a wrong token, no token and another customer, never revealing the cart', async () => {
    const cart = await guestCart();
    const path = `/carts/${cart.id}`;
    expectProblem(await cartCall('GET', path), 404, 'cart_not_found');
    expectProblem(await cartCall('GET', path, undefined, { token: 'x'.repeat(43) }), 404, 'cart_not_found');
    const owner = await newCustomer();
    const stranger = await newCustomer();
    const mine = await cartCall('POST', '/carts', { currency: 'EUR' }, { bearer: owner.token });
    expect(mine.body).toMatchObject({ customerId: owner.sub, token: null });
    expectProblem(
      await cartCall('GET', `/carts/${mine.body.id}`, undefined, { bearer: stranger.token }),
      404,
      'cart_not_found',
    );
    expectProblem(await cartCall('GET', `/carts/${mine.body.id}`), 404, 'cart_not_found');
    expect((await cartCall('GET', `/carts/${mine.body.id}`, undefined, { bearer: owner.token })).status).toBe(
      200,
    );
    // A token that does not verify is refused, not treated as a guest.
    expect((await cartCall('GET', path, undefined, { token: cart.token, bearer: 'not-a-jwt' })).status).toBe(
      401,
    );
  });

  it('merges a guest cart into the customer’s open cart on claim and closes the guest cart', async () => {
    const customer = await newCustomer();
    const own = await cartCall('POST', '/carts', { currency: 'EUR' }, { bearer: customer.token });
    await cartCall(
      'POST',
      `/carts/${own.body.id}/items`,
      { variantId: mugs.variantIds[0], quantity: 1 },
      { bearer: customer.token },
    );
    const guest = await guestCart();
    await cartCall(
      'POST',
      `/carts/${guest.id}/items`,
      { variantId: mugs.variantIds[0], quantity: 2 },
      { token: guest.token },
    );
    await cartCall(
      'POST',
      `/carts/${guest.id}/items`,
      { variantId: tea.variantIds[0], quantity: 1 },
      { token: guest.token },
    );
    // gsi1 (the customer's open carts) is eventually consistent: claim once the own cart is indexed.
    const merged = await eventually(async () => {
      const res = await cartCall('POST', `/carts/${guest.id}/claim`, undefined, {
        token: guest.token,
        bearer: customer.token,
      });
      return res.status === 200 && res.body.id === own.body.id ? res : undefined;
    });
    expect(
      merged.body.lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity]),
    ).toEqual([
      [mugs.variantIds[0], 3],
      [tea.variantIds[0], 1],
    ]);
    const closed = await cartCall('GET', `/carts/${guest.id}`, undefined, { token: guest.token });
    expect(closed.body).toMatchObject({ status: 'merged', mergedInto: own.body.id });
    expectProblem(
      await cartCall(
        'POST',
        `/carts/${guest.id}/items`,
        { variantId: mugs.variantIds[0], quantity: 1 },
        { token: guest.token },
      ),
      409,
      'cart_merged',
    );
  });

  it('accepts concurrent changes only on the version they read: the losers get 409, no change is lost or doubled', async () => {
    const cart = await guestCart();
    const auth = { token: cart.token };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        cartCall(
          'POST',
          `/carts/${cart.id}/items`,
          { variantId: i % 2 ? mugs.variantIds[0] : tea.variantIds[0], quantity: 1 },
          auth,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 200).length;
    for (const r of results.filter((r) => r.status !== 200)) expectProblem(r, 409, 'cart_version_conflict');
    expect(ok).toBeGreaterThanOrEqual(1);
    const final = await cartCall('GET', `/carts/${cart.id}`, undefined, auth);
    // Every accepted change is in the cart, none twice: units equal the 200s and the version counts them.
    expect(final.body.lines.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0)).toBe(ok);
    expect(final.body.version).toBe(1 + ok);
  });

  it('refuses changes to a cart that has been checked out', async () => {
    const cart = await guestCart();
    await documentClient().send(
      new UpdateCommand({
        TableName: cloud().tableName,
        Key: cartKeys.cart(cart.id),
        UpdateExpression: 'SET #s = :done',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':done': 'checked_out' },
      }),
    );
    expectProblem(
      await cartCall('PUT', `/carts/${cart.id}/email`, { email: 'a@example.com' }, { token: cart.token }),
      409,
      'cart_checked_out',
    );
    expect((await cartCall('GET', `/carts/${cart.id}`, undefined, { token: cart.token })).body.status).toBe(
      'checked_out',
    );
  });
});
