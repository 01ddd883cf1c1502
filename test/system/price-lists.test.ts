import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import { cartCall, checkout, readyCart, stockOf } from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';
import { localStripeClient } from '../support/payments.ts';
import { adminSend, newCustomer, publishedProduct, stock } from '../support/store.ts';

const hourMs = 60 * 60 * 1000;

/** The data of the events of one detail-type that reached the local bus. */
const busData = async (detailType: string) => {
  const res = await fetch(`${cloud().endpoints.eventbridge}/_local/events?detail-type=${detailType}`);
  const { events } = (await res.json()) as { events: { detail: { data: Record<string, unknown> } }[] };
  return events.map((e) => e.detail.data);
};
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const newGroup = async () => {
  const res = await adminSend('POST', '/admin/customer-groups', {
    name: `Group ${randomUUID().slice(0, 6)}`,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

/** A customer whose profile exists (created by their first call), so a group can take them. */
const signedInCustomer = async () => {
  const customer = await newCustomer();
  expect((await api('/me', { token: customer.token })).status).toBe(200);
  return customer;
};

const join = async (groupId: string, customerId: string) => {
  const res = await adminSend('POST', `/admin/customer-groups/${groupId}/customers`, { add: [customerId] });
  expect(res.status).toBe(200);
  expect(res.body.results).toEqual([{ op: 'add', customerId, status: 'ok' }]);
};

const priceList = async (
  fields: Record<string, unknown>,
  prices: { variantId: string; amount: number }[],
) => {
  const created = await adminSend('POST', '/admin/price-lists', {
    name: 'Test list',
    status: 'active',
    ...fields,
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const set = await adminSend('POST', `/admin/price-lists/${id}/prices`, {
    upsert: prices.map((p) => ({ ...p, currency: 'EUR' })),
  });
  expect(set.status).toBe(200);
  expect(set.body.applied).toBe(prices.length);
  return id;
};

/** A new cart holding one unit of the variant: its line as priced now. */
const cartLine = async (variantId: string, bearer?: string) => {
  const created = await cartCall('POST', '/carts', { currency: 'EUR' }, bearer ? { bearer } : {});
  expect(created.status).toBe(201);
  const who = bearer ? { bearer } : { token: created.body.token as string };
  const added = await cartCall('POST', `/carts/${created.body.id}/items`, { variantId, quantity: 1 }, who);
  expect(added.status).toBe(200);
  return added.body.lines[0] as { unitPrice: number; priceListId?: string; flags: string[] };
};

describe('customer groups admin API', () => {
  it('creates, changes, lists members of and deletes a group; the admin customer view shows it', async () => {
    const groupId = await newGroup();
    const customer = await signedInCustomer();
    const report = await adminSend('POST', `/admin/customer-groups/${groupId}/customers`, {
      add: [customer.sub, customer.sub, 'no-such-customer'],
    });
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      results: [
        { op: 'add', customerId: customer.sub, status: 'ok' },
        { op: 'add', customerId: customer.sub, status: 'duplicate' },
        { op: 'add', customerId: 'no-such-customer', status: 'customer_not_found' },
      ],
      memberCount: 1,
    });
    const view = await adminSend('GET', `/admin/customers/${customer.sub}`);
    expect(view.status).toBe(200);
    expect(view.body.groupIds).toEqual([groupId]);
    const members = await adminSend('GET', `/admin/customer-groups/${groupId}/customers?limit=10`);
    expect(members.body.items).toEqual([{ customerId: customer.sub, addedAt: expect.any(String) }]);

    const renamed = await adminSend('PATCH', `/admin/customer-groups/${groupId}`, {
      version: 1,
      name: 'Wholesale',
    });
    expect(renamed.body).toMatchObject({ name: 'Wholesale', version: 2, memberCount: 1 });
    expectProblem(
      await adminSend('DELETE', `/admin/customer-groups/${groupId}?version=2`),
      409,
      'customer_group_not_empty',
    );

    const left = await adminSend('POST', `/admin/customer-groups/${groupId}/customers`, {
      remove: [customer.sub],
    });
    expect(left.body).toMatchObject({ results: [{ status: 'ok' }], memberCount: 0 });
    expect((await adminSend('GET', `/admin/customers/${customer.sub}`)).body.groupIds).toEqual([]);
    expect((await adminSend('DELETE', `/admin/customer-groups/${groupId}?version=2`)).status).toBe(204);
    expectProblem(
      await adminSend('GET', `/admin/customer-groups/${groupId}`),
      404,
      'customer_group_not_found',
    );
  });

  it('refuses a membership request over the batch bound and a customer of a missing group', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => `c-${i}`);
    expectProblem(
      await adminSend('POST', `/admin/customer-groups/${await newGroup()}/customers`, { add: tooMany }),
      400,
      'validation_failed',
    );
    expectProblem(
      await adminSend('POST', '/admin/customer-groups/cg_missing/customers', { add: ['x'] }),
      404,
      'customer_group_not_found',
    );
    expectProblem(await adminSend('GET', '/admin/customers/nobody-here'), 404, 'customer_not_found');
  });
});

describe('price lists over HTTP', { timeout: scaled(120_000) }, () => {
  let variantId: string;
  let otherVariant: string;

  beforeAll(async () => {
    useLocalDynamo();
    const product = await publishedProduct([{ prices: { EUR: 2000 } }, { prices: { EUR: 3000 } }]);
    [variantId, otherVariant] = product.variantIds as [string, string];
    // In stock, so its lines count (an out-of-stock line qualifies no promotion).
    await stock(otherVariant, 50);
    await eventually(async () => ((await stockOf(otherVariant)).available === 50 ? true : undefined));
  });

  it('reads, lists and changes price lists and customer groups through the admin API', async () => {
    const groupId = await newGroup();
    const group = await adminSend('GET', `/admin/customer-groups/${groupId}`);
    expect(group.status).toBe(200);
    expect(group.body.id).toBe(groupId);
    const groups = await adminSend('GET', '/admin/customer-groups?limit=100');
    expect(groups.status).toBe(200);
    expect(Array.isArray(groups.body.items)).toBe(true);

    const created = await adminSend('POST', '/admin/price-lists', {
      name: 'Draft list',
      status: 'draft',
      customerGroupIds: [groupId],
    });
    expect(created.status).toBe(201);
    const listId = created.body.id as string;
    const read = await adminSend('GET', `/admin/price-lists/${listId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: listId, status: 'draft', customerGroupIds: [groupId] });
    const changed = await adminSend('PATCH', `/admin/price-lists/${listId}`, {
      version: read.body.version,
      name: 'Renamed list',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Renamed list', version: read.body.version + 1 });
    const lists = await adminSend('GET', '/admin/price-lists?limit=100');
    expect(lists.status).toBe(200);
    expect(Array.isArray(lists.body.items)).toBe(true);
  });

  it('reports each price row and pages a list’s prices', async () => {
    const id = await priceList({ status: 'draft' }, [{ variantId, amount: 1900 }]);
    const res = await adminSend('POST', `/admin/price-lists/${id}/prices`, {
      upsert: [
        { variantId: otherVariant, currency: 'EUR', amount: 2500 },
        { variantId: otherVariant, currency: 'EUR', amount: 2400 },
        { variantId: 'no-such-variant', currency: 'EUR', amount: 100 },
      ],
      remove: [
        { variantId, currency: 'EUR' },
        { variantId, currency: 'USD' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'ok',
      'duplicate_row',
      'variant_not_found',
      'ok',
      'not_found',
    ]);
    const prices = await adminSend('GET', `/admin/price-lists/${id}/prices`);
    expect(prices.body.items).toEqual([{ variantId: otherVariant, currency: 'EUR', amount: 2500 }]);
    expectProblem(
      await adminSend('POST', '/admin/price-lists', { name: 'x', startsAt: at(hourMs), endsAt: at(0) }),
      400,
      'price_list_window_invalid',
    );
    expect((await adminSend('DELETE', `/admin/price-lists/${id}?version=1`)).status).toBe(204);
    expectProblem(await adminSend('GET', `/admin/price-lists/${id}/prices`), 404, 'price_list_not_found');
    // Created and deleted reach the bus through the outbox.
    for (const type of ['PriceListCreated', 'PriceListDeleted'])
      await eventually(async () => ((await busData(type)).some((d) => d.id === id) ? true : undefined));
  });

  it('gives a customer in the group the group price while a guest pays the base price', async () => {
    const groupId = await newGroup();
    const id = await priceList({ customerGroupIds: [groupId] }, [{ variantId, amount: 1500 }]);
    const customer = await signedInCustomer();
    await join(groupId, customer.sub);
    // Added at the group price, the line remembers that price: no price change to flag.
    const member = await cartLine(variantId, customer.token);
    expect(member).toMatchObject({ unitPrice: 1500, priceListId: id });
    expect(member.flags).not.toContain('price_changed');
    const guest = await cartLine(variantId);
    expect(guest.unitPrice).toBe(2000);
    expect(guest.priceListId).toBeUndefined();
    // Another customer outside the group pays the base price too.
    expect((await cartLine(variantId, (await signedInCustomer()).token)).unitPrice).toBe(2000);
  });

  it('prices a guest cart at the group price once a customer in the group claims it', async () => {
    const groupId = await newGroup();
    const id = await priceList({ customerGroupIds: [groupId] }, [{ variantId: otherVariant, amount: 2100 }]);
    const customer = await signedInCustomer();
    await join(groupId, customer.sub);
    const created = await cartCall('POST', '/carts', { currency: 'EUR' });
    const guest = { token: created.body.token as string };
    const added = await cartCall(
      'POST',
      `/carts/${created.body.id}/items`,
      { variantId: otherVariant, quantity: 1 },
      guest,
    );
    expect(added.body.lines[0].unitPrice).toBe(3000);
    const claimed = await cartCall('POST', `/carts/${created.body.id}/claim`, undefined, {
      bearer: customer.token,
      token: guest.token,
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.lines[0]).toMatchObject({ unitPrice: 2100, priceListId: id });
  });

  it('applies neither a draft nor a list outside its window, and the lowest applicable price wins', async () => {
    const product = await publishedProduct([{ prices: { EUR: 5000 } }]);
    const v = product.variantIds[0]!;
    await priceList({ status: 'draft' }, [{ variantId: v, amount: 1000 }]);
    await priceList({ startsAt: at(hourMs) }, [{ variantId: v, amount: 1100 }]);
    await priceList({ endsAt: at(-hourMs) }, [{ variantId: v, amount: 1200 }]);
    expect((await cartLine(v)).unitPrice).toBe(5000);
    await priceList({}, [{ variantId: v, amount: 4500 }]);
    const lowest = await priceList({ startsAt: at(-hourMs), endsAt: at(hourMs) }, [
      { variantId: v, amount: 4000 },
    ]);
    const line = await cartLine(v);
    expect(line).toMatchObject({ unitPrice: 4000, priceListId: lowest });
    expect(line.flags).not.toContain('price_changed');
  });

  it('limits a promotion to a group: members get it, others cannot tell it exists', async () => {
    const groupId = await newGroup();
    const code = `G${randomUUID().slice(0, 8).toUpperCase()}`;
    const promo = await adminSend('POST', '/admin/promotions', {
      name: 'Members ten off',
      type: 'percentage',
      percentBps: 1000,
      combinable: true,
      code,
      conditions: { customerGroupIds: [groupId] },
    });
    expect(promo.status).toBe(201);
    const outsider = await signedInCustomer();
    const created = await cartCall('POST', '/carts', { currency: 'EUR' }, { bearer: outsider.token });
    const who = { bearer: outsider.token };
    await cartCall('POST', `/carts/${created.body.id}/items`, { variantId: otherVariant, quantity: 1 }, who);
    // The stock summary trails the stock change: wait until the cart sees the unit.
    await eventually(async () => {
      const res = await cartCall('GET', `/carts/${created.body.id}`, undefined, who);
      return res.body.lines[0].available >= 1 ? true : undefined;
    });
    expectProblem(
      await cartCall('POST', `/carts/${created.body.id}/promotions`, { code }, who),
      422,
      'promotion_code_unknown',
    );
    await join(groupId, outsider.sub);
    const applied = await cartCall('POST', `/carts/${created.body.id}/promotions`, { code }, who);
    expect(applied.status).toBe(200);
    expect(applied.body.promotions.applied).toEqual([
      expect.objectContaining({ promotionId: promo.body.id, amount: 300 }),
    ]);
  });

  it('reprices a cart after its customer joins a group, and checkout charges the repriced total', async () => {
    const product = await publishedProduct([{ prices: { EUR: 2000 } }]);
    const v = product.variantIds[0]!;
    await stock(v, 5);
    await eventually(async () => ((await stockOf(v)).available === 5 ? true : undefined));
    const groupId = await newGroup();
    const id = await priceList({ customerGroupIds: [groupId] }, [{ variantId: v, amount: 1200 }]);
    const customer = await signedInCustomer();
    const ready = await readyCart([{ variantId: v, quantity: 2 }], { bearer: customer.token });
    // The stock summary trails the stock change: wait until the cart sees the units.
    await eventually(async () => {
      const res = await cartCall('GET', `/carts/${ready.cartId}`, undefined, ready.who);
      return res.body.lines[0].available >= 2 ? true : undefined;
    });
    const before = await cartCall('GET', `/carts/${ready.cartId}`, undefined, ready.who);
    expect(before.body.lines[0]).toMatchObject({ unitPrice: 2000, subtotal: 4000 });

    await join(groupId, customer.sub);
    const after = await cartCall('GET', `/carts/${ready.cartId}`, undefined, ready.who);
    expect(after.body.lines[0]).toMatchObject({ unitPrice: 1200, subtotal: 2400, priceListId: id });
    expect(after.body.totals.grandTotal).toBeLessThan(before.body.totals.grandTotal);

    // The access token carries no e-mail and the profile has none: the cart gives it.
    const email = await cartCall(
      'PUT',
      `/carts/${ready.cartId}/email`,
      { email: 'b2b@example.com' },
      ready.who,
    );
    expect(email.status).toBe(200);
    const placed = await checkout(ready.cartId, ready.who);
    expect(placed.status).toBe(201);
    expect(placed.body.total).toBe(after.body.totals.grandTotal);
    const stripe = localStripeClient(cloud().stripe.secretKey, cloud().stripe.apiUrl);
    const intent = await stripe.paymentIntents.retrieve(placed.body.payment.paymentIntentId);
    expect(intent.amount).toBe(after.body.totals.grandTotal);
    const order = await api(`/orders/${placed.body.orderId}`, { token: customer.token });
    expect(order.body.lines[0]).toMatchObject({ unitPrice: 1200, priceListId: id });
  });
});
