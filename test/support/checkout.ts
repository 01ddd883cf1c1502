import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { availableIn } from '#contexts/carts/data/snapshot.ts';
import { stockKeys } from '#contexts/inventory/data/keys.ts';
import { cloud, eventually, useLocalDynamo } from './cloud.ts';
import { api, sendJson } from './http.ts';
import { confirmLikeStripeJs, localStripeClient } from './payments.ts';
import { adminSend, stock } from './store.ts';

/** Who is shopping: a guest (its cart token) or a customer (their bearer token). */
export interface Shopper {
  readonly token?: string;
  readonly bearer?: string;
}

/** A cart call as a storefront makes it: the guest token as `X-Cart-Token`, a customer's as Bearer. */
export const cartCall = (method: string, path: string, body?: unknown, who: Shopper = {}) =>
  sendJson(method, path, body, who.bearer, who.token ? { 'x-cart-token': who.token } : {});

let shippingOption: Promise<string> | undefined;

/** A flat-rate shipping option to Germany shared by the run's checkout tests. */
const parcelDe = () => {
  shippingOption ??= (async () => {
    const id = `checkout-${randomUUID().slice(0, 8)}`;
    const res = await adminSend('POST', '/admin/shipping-options', {
      id,
      name: 'Parcel DE',
      countries: ['DE'],
      rate: { type: 'flat', amounts: { EUR: 500 } },
    });
    expect(res.status).toBe(201);
    return id;
  })();
  return shippingOption;
};

/**
 * A cart ready to check out: the lines, an e-mail (guests; `email` or a shared one), an address in Germany, a shipping method
 * (`optionId`, or a shared flat 5.00 EUR one).
 * A customer's cart (`bearer`) takes the e-mail from the token.
 */
export const readyCart = async (
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
  options: { bearer?: string; code?: string; email?: string; optionId?: string } = {},
) => {
  const created = await cartCall(
    'POST',
    '/carts',
    { currency: 'EUR' },
    options.bearer ? { bearer: options.bearer } : {},
  );
  expect(created.status).toBe(201);
  const cartId = created.body.id as string;
  const who: Shopper = options.bearer ? { bearer: options.bearer } : { token: created.body.token };
  for (const line of lines)
    expect((await cartCall('POST', `/carts/${cartId}/items`, line, who)).status).toBe(200);
  if (!options.bearer)
    expect(
      (
        await cartCall(
          'PUT',
          `/carts/${cartId}/email`,
          // One address per cart unless asked: an e-mail may have only a few unpaid orders at once.
          { email: options.email ?? `shopper-${randomUUID().slice(0, 8)}@example.com` },
          who,
        )
      ).status,
    ).toBe(200);
  const address = {
    name: 'Erika Mustermann',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postalCode: '51147',
    country: 'DE',
  };
  expect((await cartCall('PUT', `/carts/${cartId}/shipping-address`, address, who)).status).toBe(200);
  const method = await cartCall(
    'PUT',
    `/carts/${cartId}/shipping-method`,
    { optionId: options.optionId ?? (await parcelDe()) },
    who,
  );
  expect(method.status).toBe(200);
  if (options.code)
    expect((await cartCall('POST', `/carts/${cartId}/promotions`, { code: options.code }, who)).status).toBe(
      200,
    );
  return { cartId, who, cart: method.body };
};

/** `POST /carts/{id}/checkout` with this key (none when null). */
export const checkout = (cartId: string, who: Shopper, key: string | null = randomUUID()) =>
  sendJson('POST', `/carts/${cartId}/checkout`, undefined, who.bearer, {
    ...(who.token ? { 'x-cart-token': who.token } : {}),
    ...(key ? { 'idempotency-key': key } : {}),
  });

/** Pays the checkout's PaymentIntent as a shopper's browser does (publishable key + client secret). */
export const pay = (
  payment: { paymentIntentId: string; clientSecret: string; publishableKey: string },
  method: string,
) =>
  confirmLikeStripeJs(
    localStripeClient(payment.publishableKey, cloud().stripe.apiUrl),
    payment.paymentIntentId,
    payment.clientSecret,
    method,
  );

/** An order as its owner reads it (a guest with its order token). */
export const readOrder = (orderId: string, proof: { orderToken?: string | null; bearer?: string }) =>
  api(`/orders/${orderId}`, {
    ...(proof.bearer ? { token: proof.bearer } : {}),
    headers: proof.orderToken ? { 'x-order-token': proof.orderToken } : {},
  });

/** Waits until the order reaches `status` (the saga runs after the checkout answered). */
export const orderReaches = (
  orderId: string,
  proof: { orderToken?: string | null; bearer?: string },
  status: string,
  timeoutMs = 30_000,
) =>
  eventually(async () => {
    const res = await readOrder(orderId, proof);
    return res.status === 200 && res.body.status === status ? res.body : undefined;
  }, timeoutMs);

/** A variant's stock totals as the admin API answers them. */
/**
 * Sets a variant's stock and waits until the stock summary carts read shows it: the stockAlerts pipe
 * feeds that summary from the table's stream, so it lags the levels the admin API reads by a moment
 * (more on a busy machine), and a checkout before then finds the line out of stock.
 */
export const stocked = async (variantId: string, onHand: number) => {
  await stock(variantId, onHand);
  const table = useLocalDynamo();
  await eventually(async () => {
    const { Item } = await table.send(
      new GetCommand({
        TableName: cloud().tableName,
        Key: stockKeys.alerts(variantId),
        ConsistentRead: true,
      }),
    );
    return availableIn(Item, undefined) === onHand ? true : undefined;
  });
};

export const stockOf = async (variantId: string) => {
  const res = await adminSend('GET', `/admin/inventory/${variantId}`);
  expect(res.status).toBe(200);
  return {
    onHand: res.body.onHand as number,
    reserved: res.body.reserved as number,
    available: res.body.available as number,
  };
};

/** The local Stripe's view of a PaymentIntent (its status), read with the secret key. */
export const intentStatus = async (paymentIntentId: string) =>
  (
    await localStripeClient(cloud().stripe.secretKey, cloud().stripe.apiUrl).paymentIntents.retrieve(
      paymentIntentId,
    )
  ).status;

/** The refunds the local Stripe holds for a PaymentIntent, as it shows them. */
export const stripeRefunds = async (paymentIntentId: string) => {
  const res = await fetch(`${cloud().stripe.apiUrl}/_local/refunds`);
  const { data } = (await res.json()) as {
    data: { id: string; amount: number; status: string; payment_intent: string }[];
  };
  return data.filter((r) => r.payment_intent === paymentIntentId);
};

/** The data of the events of one detail-type about one order that reached the local bus. */
export const busEvents = async (detailType: string, orderId: string) => {
  const res = await fetch(`${cloud().endpoints.eventbridge}/_local/events?detail-type=${detailType}`);
  const { events } = (await res.json()) as { events: { detail: { data: Record<string, unknown> } }[] };
  return events.filter((e) => e.detail.data.orderId === orderId).map((e) => e.detail.data);
};
