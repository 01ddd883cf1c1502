import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import { cartCall, checkout, orderReaches, pay, readyCart, stockOf } from '../support/checkout.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';
import { localStripeClient } from '../support/payments.ts';
import { newCustomer, publishedProduct, stock, type TestProduct } from '../support/store.ts';

const admin = () => cloud().tokens.admin;

/** `POST /admin/orders/{id}/refunds` as the back office sends it. */
const refund = (orderId: string, body: unknown) =>
  sendJson('POST', `/admin/orders/${orderId}/refunds`, body, admin(), { 'idempotency-key': randomUUID() });

const adminOrder = async (orderId: string) =>
  (await api(`/admin/orders/${orderId}`, { token: admin() })).body;

/** Every row of the admin list for a query, following `nextCursor` (pages may be short, even empty). */
const rows = async (query: string) => {
  const found: { id: string; paymentStatus: string; fulfillmentStatus: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(`/admin/orders?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token: admin(),
    });
    expect(res.status).toBe(200);
    found.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return found;
};

const ids = async (query: string) => (await rows(query)).map((r) => r.id);

describe('the admin order list by payment and fulfillment status, over HTTP', {
  timeout: scaled(180_000),
}, () => {
  const start = new Date().toISOString();
  let product: TestProduct;
  let customer: { token: string; sub: string };
  // Paid; refunded in part; refunded in full; a refund that failed later; refunded in part in Stripe.
  let paid: string;
  let partly: string;
  let refunded: string;
  let failed: string;
  let dashboard: string;
  let ours: string[];

  /** A paid order of the customer's, paid with `method`. */
  const paidOrder = async (method = 'pm_card_visa') => {
    const { cartId, who } = await readyCart([{ variantId: product.variantIds[0]!, quantity: 1 }], {
      bearer: customer.token,
    });
    // Access tokens carry no e-mail, and this customer's profile has none: the cart must.
    const email = await cartCall('PUT', `/carts/${cartId}/email`, { email: 'facets@example.com' }, who);
    expect(email.status).toBe(200);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    await pay(placed.body.payment, method);
    await orderReaches(placed.body.orderId, { bearer: customer.token }, 'paid');
    return {
      orderId: placed.body.orderId as string,
      paymentIntentId: placed.body.payment.paymentIntentId as string,
    };
  };

  // Five checkouts, four refunds and their webhooks: more than a hook's default limit on a busy machine.
  beforeAll(async () => {
    useLocalDynamo();
    [product, customer] = await Promise.all([publishedProduct([{ prices: { EUR: 2000 } }]), newCustomer()]);
    await stock(product.variantIds[0]!, 50);
    await eventually(async () =>
      (await stockOf(product.variantIds[0]!)).available === 50 ? true : undefined,
    );
    const orders = await Promise.all([
      paidOrder(),
      paidOrder(),
      paidOrder(),
      paidOrder('pm_card_refundFail'),
      paidOrder(),
    ]);
    ours = orders.map((o) => o.orderId);
    [paid = '', partly = '', refunded = '', failed = '', dashboard = ''] = ours;
    expect((await refund(partly, { amount: 1000 })).status).toBe(201);
    expect((await refund(refunded, {})).status).toBe(201);
    expect((await refund(failed, { amount: 700 })).status).toBe(201);
    // A refund made in Stripe's dashboard: only `charge.refunded` tells the backend.
    const stripe = localStripeClient(cloud().stripe.secretKey, cloud().stripe.apiUrl);
    await stripe.refunds.create({ payment_intent: orders[4]!.paymentIntentId, amount: 500 });
    await orderReaches(refunded, { bearer: customer.token }, 'refunded');
    // The failing refund's webhook gives the money back; the dashboard refund's webhook marks the order
    // (after the payment record the order view reads, so wait for the list row itself).
    await eventually(async () =>
      (await adminOrder(failed)).refunds[0]?.status === 'failed' ? true : undefined,
    );
    await eventually(async () => {
      const row = (await rows(`customerId=${customer.sub}`)).find((r) => r.id === dashboard);
      return row?.paymentStatus === 'partially_refunded' ? true : undefined;
    });
  }, scaled(180_000));

  it('lists a customer’s orders by payment status, each once, apart from the order status', async () => {
    const mine = `customerId=${customer.sub}`;
    expect((await ids(`${mine}&paymentStatus=paid`)).sort()).toEqual([paid, failed].sort());
    expect((await ids(`${mine}&paymentStatus=partially_refunded`)).sort()).toEqual(
      [partly, dashboard].sort(),
    );
    expect(await ids(`${mine}&paymentStatus=refunded`)).toEqual([refunded]);
    expect(await ids(`${mine}&paymentStatus=voided`)).toEqual([]);
    // A partly refunded order is still paid: both filters at once.
    expect((await ids(`${mine}&status=paid&paymentStatus=partially_refunded`)).sort()).toEqual(
      [partly, dashboard].sort(),
    );
    expect(await ids(`${mine}&status=paid&paymentStatus=refunded`)).toEqual([]);
  });

  it('lists every customer’s orders by payment status through the status index', async () => {
    const window = `from=${encodeURIComponent(start)}`;
    const within = async (query: string) =>
      (await ids(`${window}&${query}`)).filter((id) => ours.includes(id));
    expect((await within('paymentStatus=paid')).sort()).toEqual([paid, failed].sort());
    expect((await within('paymentStatus=partially_refunded')).sort()).toEqual([partly, dashboard].sort());
    expect(await within('paymentStatus=refunded')).toEqual([refunded]);
    expect(await within('status=refunded&paymentStatus=refunded')).toEqual([refunded]);
    expect((await within('status=paid&paymentStatus=paid')).sort()).toEqual([paid, failed].sort());
    expect(await within('paymentStatus=failed')).toEqual([]);
  });

  it('shows on each row the payment and fulfillment status the order itself answers', async () => {
    const listed = await rows(`customerId=${customer.sub}`);
    expect(listed.map((r) => r.id).sort()).toEqual([...ours].sort());
    for (const row of listed) {
      const order = await adminOrder(row.id);
      expect(row).toMatchObject({
        paymentStatus: order.payment.status,
        fulfillmentStatus: order.fulfillmentStatus,
      });
    }
  });

  it('lists unfulfilled paid orders as unfulfilled, and leaves out none of them', async () => {
    const mine = `customerId=${customer.sub}`;
    expect((await ids(`${mine}&fulfillmentStatus=unfulfilled`)).sort()).toEqual([...ours].sort());
    expect(await ids(`${mine}&fulfillmentStatus=shipped`)).toEqual([]);
    const across = await ids(`from=${encodeURIComponent(start)}&status=paid&fulfillmentStatus=unfulfilled`);
    expect(across).toEqual(expect.arrayContaining([paid, partly, failed, dashboard]));
    expect((await ids(`${mine}&paymentStatus=paid&fulfillmentStatus=unfulfilled`)).sort()).toEqual(
      [paid, failed].sort(),
    );
  });

  it('refuses unknown statuses, and the pending payment status across customers, with 400 problems', async () => {
    const refused = async (query: string, path: string) => {
      const res = await api(`/admin/orders?${query}`, { token: admin() });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path })]);
    };
    await refused('paymentStatus=lost', 'query.paymentStatus');
    await refused('fulfillmentStatus=half', 'query.fulfillmentStatus');
    await refused('paymentStatus=pending', 'query.paymentStatus');
    expect(await ids(`customerId=${customer.sub}&paymentStatus=pending`)).toEqual([]);
  });
});
