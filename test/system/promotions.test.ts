import { randomUUID } from 'node:crypto';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { promotionFromItem } from '#contexts/pricing/data/promotion-items.ts';
import { consumeUsageItems, releaseUsageRefs, usageRefs } from '#contexts/pricing/data/promotion-usage.ts';
import { documentClient } from '#platform/data/client.ts';
import { PlatformEntity } from '#platform/data/keys.ts';
import { transact } from '#platform/data/transact.ts';
import { cloud, eventually, useLocalDynamo } from '../support/cloud.ts';
import { api, sendJson } from '../support/http.ts';

const admin = (method: string, path: string, body?: unknown) =>
  sendJson(method, path, body, cloud().tokens.admin);

const uniqueCode = () => `T${randomUUID().slice(0, 8).toUpperCase()}`;

const tenOff = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ten percent off',
  type: 'percentage',
  percentBps: 1000,
  combinable: true,
  ...overrides,
});

/** The PromotionUsageExhausted outbox records of one promotion (what the relay puts on the bus). */
const exhaustedEvents = async (promotionId: string) => {
  const found: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: cloud().tableName,
        FilterExpression: 'entity = :e AND detailType = :t AND detail.#data.promotionId = :p',
        ExpressionAttributeNames: { '#data': 'data' },
        ExpressionAttributeValues: {
          ':e': PlatformEntity.outbox,
          ':t': 'PromotionUsageExhausted',
          ':p': promotionId,
        },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    found.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
};

const marker = async (promotionId: string) => {
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: cloud().tableName,
      Key: promotionKeys.exhausted(promotionId),
      ConsistentRead: true,
    }),
  );
  return Item;
};

describe('promotions admin API', () => {
  it('creates, reads, lists, changes and deletes a promotion', async () => {
    const code = uniqueCode();
    const created = await admin(
      'POST',
      '/admin/promotions',
      tenOff({ code: code.toLowerCase(), usageLimit: 50 }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, version: 1, type: 'percentage' });
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/admin/promotions/${id}`);

    const read = await admin('GET', `/admin/promotions/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, code, usage: { total: 0 } });

    const listed = await admin('GET', '/admin/promotions?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);

    const patched = await admin('PATCH', `/admin/promotions/${id}`, {
      version: 1,
      percentBps: 1500,
      usageLimit: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, percentBps: 1500 });
    expect(patched.body).not.toHaveProperty('usageLimit');

    const stale = await admin('PATCH', `/admin/promotions/${id}`, { version: 1, name: 'Late' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');

    const retyped = await admin('PATCH', `/admin/promotions/${id}`, { version: 2, type: 'free_shipping' });
    expect(retyped.status).toBe(422);
    expect(retyped.body.code).toBe('promotion_type_immutable');

    expect((await admin('DELETE', `/admin/promotions/${id}?version=2`)).status).toBe(204);
    expect((await admin('GET', `/admin/promotions/${id}`)).body.code).toBe('promotion_not_found');
    // The code is free again once its promotion is gone.
    expect((await admin('POST', '/admin/promotions', tenOff({ code }))).status).toBe(201);
  });

  it('refuses a code another promotion holds', async () => {
    const code = uniqueCode();
    expect((await admin('POST', '/admin/promotions', tenOff({ code }))).status).toBe(201);
    const duplicate = await admin('POST', '/admin/promotions', {
      ...tenOff({ code }),
      type: 'free_shipping',
      percentBps: undefined,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('promotion_code_taken');
  });

  it('answers a retried create with the same promotion (Idempotency-Key)', async () => {
    const body = tenOff({ code: uniqueCode() });
    const key = `promo-${randomUUID()}`;
    const first = await sendJson('POST', '/admin/promotions', body, cloud().tokens.admin, {
      'idempotency-key': key,
    });
    const retry = await sendJson('POST', '/admin/promotions', body, cloud().tokens.admin, {
      'idempotency-key': key,
    });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it.each([
    ['an unknown field', tenOff({ colour: 'red' }), 'validation_failed'],
    ['a field of another type', tenOff({ amounts: { EUR: 500 } }), 'validation_failed'],
    ['a share over 100 %', tenOff({ percentBps: 10_001 }), 'validation_failed'],
    [
      'a window that ends before it starts',
      tenOff({ startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-05-01T00:00:00Z' }),
      'promotion_window_invalid',
    ],
  ])('answers %s with a 400 problem', async (_, body, code) => {
    const res = await admin('POST', '/admin/promotions', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
  });

  it('is for admins only', async () => {
    const res = await api('/admin/promotions', { token: cloud().tokens.customer });
    expect(res.status).toBe(403);
  });
});

describe('PromotionUsageExhausted (the promotionUsage pipe)', () => {
  it('is emitted once when the counter reaches the limit, and again after a release and re-exhaustion', async () => {
    useLocalDynamo();
    const code = uniqueCode();
    const created = await admin('POST', '/admin/promotions', tenOff({ code, usageLimit: 3 }));
    expect(created.status).toBe(201);
    const promotion = promotionFromItem(created.body);
    const table = cloud().tableName;

    // Checkout will send these items in its order transaction; four concurrent attempts, three fit.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => transact(consumeUsageItems(table, [promotion], undefined))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);

    const first = await eventually(async () => {
      const events = await exhaustedEvents(promotion.id);
      return events.length > 0 ? events : undefined;
    }, 20_000);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      source: 'commerce.promotions',
      detail: { data: { promotionId: promotion.id, code, usageLimit: 3 } },
    });
    expect((await admin('GET', `/admin/promotions/${promotion.id}`)).body.usage).toEqual({ total: 3 });

    // A release below the limit clears the marker, so the next exhaustion is news again.
    expect((await transact(releaseUsageRefs(table, usageRefs([promotion], undefined), null))).ok).toBe(true);
    await eventually(async () => ((await marker(promotion.id)) ? undefined : true), 20_000);
    expect((await transact(consumeUsageItems(table, [promotion], undefined))).ok).toBe(true);
    await eventually(
      async () => ((await exhaustedEvents(promotion.id)).length === 2 ? true : undefined),
      20_000,
    );
    // Later records of the same counter (and retried batches) add nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await exhaustedEvents(promotion.id)).toHaveLength(2);
  });
});
