import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartsContext } from '#contexts/carts/context.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { cloud, useLocalDynamo } from '../support/cloud.ts';
import { api, expectProblem, sendJson } from '../support/http.ts';
import { adminSend, publishedProduct, stock, type TestProduct } from '../support/store.ts';

/** A cart call as a storefront makes it: the guest token as `X-Cart-Token`. */
const cartCall = (method: string, path: string, body?: unknown, cartToken?: string) =>
  sendJson(method, path, body, undefined, cartToken ? { 'x-cart-token': cartToken } : {});

const limit = Number(cartsContext.functions.carts.environment.PROMOTION_CODE_ATTEMPTS);
const windowSeconds =
  60 * Number(cartsContext.functions.carts.environment.PROMOTION_CODE_ATTEMPT_WINDOW_MINUTES);
const newCode = (prefix: string) => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;

let product: TestProduct;

/** A guest cart holding one unit, so a code is judged against a real line. */
const cartWithALine = async () => {
  const created = await cartCall('POST', '/carts', { currency: 'EUR' });
  expect(created.status).toBe(201);
  const cart = { id: created.body.id as string, token: created.body.token as string };
  const added = await cartCall(
    'POST',
    `/carts/${cart.id}/items`,
    { variantId: product.variantIds[0], quantity: 1 },
    cart.token,
  );
  expect(added.status).toBe(200);
  return cart;
};

const promotion = async (code: string, fields: Record<string, unknown> = {}) => {
  const res = await adminSend('POST', '/admin/promotions', {
    name: `Test ${code}`,
    type: 'percentage',
    percentBps: 1000,
    combinable: true,
    code,
    ...fields,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

const enter = (cart: { id: string; token: string }, code: string) =>
  cartCall('POST', `/carts/${cart.id}/promotions`, { code }, cart.token);

/** A token from the local issuer; `id` mints the ID token Cognito hands out beside the access token. */
const mint = async (tokenUse: 'access' | 'id', groups: string[] = []) => {
  const res = await fetch(`${cloud().endpoints.issuer}/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `staff-${randomUUID().slice(0, 8)}@example.com`, groups, tokenUse }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
};

beforeAll(async () => {
  useLocalDynamo();
  product = await publishedProduct([{ prices: { EUR: 2500 } }]);
  await stock(product.variantIds[0]!, 50);
});

describe('promotion codes a shopper enters', () => {
  it('answers an unknown, a future, an expired, a used-up and a group-limited code byte for byte alike', async () => {
    const future = newCode('SOON');
    await promotion(future, { startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const expired = newCode('OLD');
    await promotion(expired, { startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2025-02-01T00:00:00.000Z' });
    const usedUp = newCode('USED');
    const usedUpId = await promotion(usedUp, { usageLimit: 1 });
    // Checkout consumes usage; here the counter is set as if one order had used the code.
    await documentClient().send(
      new UpdateCommand({
        TableName: cloud().tableName,
        Key: promotionKeys.usage(usedUpId),
        UpdateExpression: 'SET used = :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const group = await adminSend('POST', '/admin/customer-groups', { name: `Group ${newCode('')}` });
    expect(group.status).toBe(201);
    const members = newCode('VIP');
    await promotion(members, { conditions: { customerGroupIds: [group.body.id] } });

    const cart = await cartWithALine();
    const answers = [];
    for (const code of [newCode('NONE'), future, expired, usedUp, members]) {
      const res = await enter(cart, code);
      expectProblem(res, 422, 'promotion_code_unknown');
      answers.push({
        status: res.status,
        contentType: res.headers.get('content-type'),
        body: JSON.stringify(res.body).replaceAll(code, '<code>'),
      });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const unchanged = await cartCall('GET', `/carts/${cart.id}`, undefined, cart.token);
    expect(unchanged.body.promotionCodes).toEqual([]);
  });

  it(`answers 429 with Retry-After once a cart has refused ${limit} codes, good codes included`, async () => {
    const good = newCode('GOOD');
    await promotion(good);
    const cart = await cartWithALine();
    for (let i = 0; i < limit; i++)
      expectProblem(await enter(cart, newCode('GUESS')), 422, 'promotion_code_unknown');

    const refused = await enter(cart, newCode('GUESS'));
    expectProblem(refused, 429, 'promotion_attempts_exceeded');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    // A good code is refused too: the answer must not tell a lucky guess apart.
    expectProblem(await enter(cart, good), 429, 'promotion_attempts_exceeded');

    // Another shopper's cart is not affected.
    const other = await cartWithALine();
    const applied = await enter(other, good);
    expect(applied.status).toBe(200);
    expect(applied.body.promotionCodes).toEqual([good]);
  });

  it('lets a shopper who mistyped a few codes enter a good one, which neither counts nor clears', async () => {
    const good = newCode('GOOD');
    await promotion(good);
    const cart = await cartWithALine();
    for (let i = 0; i < limit - 1; i++)
      expectProblem(await enter(cart, newCode('TYPO')), 422, 'promotion_code_unknown');
    const applied = await enter(cart, good);
    expect(applied.status).toBe(200);
    expect(applied.body.promotionCodes).toEqual([good]);
    // The good code gave back only its own slot: one failure left, then the cart is refused.
    expectProblem(await enter(cart, newCode('TYPO')), 422, 'promotion_code_unknown');
    expectProblem(await enter(cart, newCode('TYPO')), 429, 'promotion_attempts_exceeded');
  });

  it('answers a cart that is not the caller’s 404, whatever its attempts', async () => {
    const cart = await cartWithALine();
    for (let i = 0; i < limit; i++) await enter(cart, newCode('GUESS'));
    const stranger = await cartCall(
      'POST',
      `/carts/${cart.id}/promotions`,
      { code: newCode('X') },
      'x'.repeat(43),
    );
    expectProblem(stranger, 404, 'cart_not_found');
  });
});

describe('tokens the API accepts', () => {
  it('refuses an ID token with 401 invalid_token on admin, customer and optional routes', async () => {
    const id = await mint('id', ['admin']);
    for (const [method, path] of [
      ['GET', '/admin/promotions'],
      ['GET', '/me'],
      ['POST', '/carts'],
    ] as const) {
      const res = await sendJson(method, path, method === 'POST' ? { currency: 'EUR' } : undefined, id);
      expectProblem(res, 401, 'invalid_token');
    }
    // The same person's access token is let in.
    expect((await api('/admin/promotions', { token: await mint('access', ['admin']) })).status).toBe(200);
  });

  it('answers a route no operation serves with a 404 problem, never data', async () => {
    for (const path of ['/admin/no-such-thing', '/admin/promotions/x/secrets']) {
      expectProblem(await api(path, { token: cloud().tokens.admin }), 404, 'route_not_found');
    }
  });
});
