import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { guestOrderToken } from '#contexts/checkout/domain/ids.ts';
import { decodeCursor } from '#platform/data/cursor.ts';
import { checkout, readOrder, readyCart, stocked } from '../support/checkout.ts';
import { cloud, sdkConfig } from '../support/cloud.ts';
import { adminSend, publishedProduct } from '../support/store.ts';

/** The value a generated secret holds in the local Secrets Manager, read by its ARN as functions do. */
const secretValue = async (name: string): Promise<string> => {
  const arn = cloud().secretArns[name];
  expect(arn, name).toMatch(/^arn:aws:secretsmanager:/);
  const client = new SecretsManagerClient(sdkConfig(cloud().endpoints.secretsmanager));
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    return SecretString as string;
  } finally {
    client.destroy();
  }
};

describe('generated secrets read from Secrets Manager at run time', () => {
  beforeAll(async () => {
    // Two active products at least, so the first page of one has a next page.
    await publishedProduct([{ prices: { EUR: 1000 } }]);
    await publishedProduct([{ prices: { EUR: 1000 } }]);
  });

  it('signs pagination cursors with the cursorKey that Secrets Manager holds, and accepts them back', async () => {
    const key = await secretValue('cursorKey');
    const first = await adminSend('GET', '/admin/products?status=active&limit=1');
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect(() => decodeCursor(cursor, key, 'products:active')).not.toThrow();
    expect(() => decodeCursor(cursor, `${key}x`, 'products:active')).toThrow();
    const next = await adminSend('GET', `/admin/products?status=active&limit=1&cursor=${cursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('derives a guest order token with the orderTokenKey that Secrets Manager holds', async () => {
    const product = await publishedProduct([{ prices: { EUR: 1200 } }]);
    const variantId = product.variantIds[0]!;
    await stocked(variantId, 2);
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }]);
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const { orderId, orderToken } = placed.body as { orderId: string; orderToken: string };
    expect(orderToken).toBe(guestOrderToken(await secretValue('orderTokenKey'), orderId));
    expect((await readOrder(orderId, { orderToken })).status).toBe(200);
  });
});
