import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { promotionFromItem } from '#contexts/pricing/data/promotion-items.ts';
import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { consumeUsageItems } from '#contexts/pricing/data/promotion-usage.ts';
import type { CreatePromotionInput } from '#contexts/pricing/domain/promotion-inputs.ts';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { AppError } from '#platform/errors/index.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const input = (overrides: Partial<CreatePromotionInput> = {}): CreatePromotionInput =>
  ({
    name: 'Ten off',
    type: 'percentage',
    percentBps: 1000,
    combinable: true,
    ...overrides,
  }) as CreatePromotionInput;

const errorCode = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error instanceof AppError ? `${error.statusCode} ${error.code}` : String(error);
  }
  return 'none';
};

describe('PromotionRepository', () => {
  let table: string;
  let promotions: PromotionRepository;

  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    promotions = new PromotionRepository(table, 'secret');
  });

  const make = async (body: CreatePromotionInput) => (await promotions.create(body)).promotion;

  it('answers a retried create with the promotion it made, and refuses the key for another body', async () => {
    const key = `key-${randomUUID()}`;
    const first = await promotions.create(input({ code: 'RETRY' }), { idempotencyKey: key });
    expect(first.replayed).toBe(false);
    const retry = await promotions.create(input({ code: 'RETRY' }), { idempotencyKey: key });
    expect(retry).toEqual({ promotion: first.promotion, replayed: true });
    expect(await errorCode(promotions.create(input({ code: 'OTHER' }), { idempotencyKey: key }))).toBe(
      '422 idempotency_key_reused',
    );
    // Still recognised after a change to the promotion.
    await promotions.update(first.promotion.id, { version: 1, name: 'Renamed' });
    expect((await promotions.create(input({ code: 'RETRY' }), { idempotencyKey: key })).replayed).toBe(true);
  });

  it('creates a code promotion with its code item, and refuses the code to a second one', async () => {
    const created = await make(input({ code: 'SPRING' }));
    expect(created).toMatchObject({ code: 'SPRING', version: 1 });
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table, Key: promotionKeys.code('SPRING'), ConsistentRead: true }),
    );
    expect(Item?.promotionId).toBe(created.id);
    expect(await errorCode(make(input({ code: 'SPRING' })))).toBe('409 promotion_code_taken');
    // Nothing of the refused promotion was written.
    expect((await promotions.list(100)).items.filter((p) => p.code === 'SPRING')).toHaveLength(1);
  });

  it('lists automatic promotions only in the automatic partition, in the engine shape', async () => {
    const auto = await make(input({ name: 'Auto' }));
    await make(input({ code: 'NOTAUTO' }));
    const automatic = await promotions.automatic();
    expect(automatic.map((p) => p.id)).toContain(auto.id);
    expect(automatic.every((p) => p.code === undefined)).toBe(true);
    expect(automatic.find((p) => p.id === auto.id)).not.toHaveProperty('version');
  });

  it('pages the admin list newest first with a signed cursor', async () => {
    const own = new PromotionRepository(await createTestTable(), 'secret');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { promotion: created } = await own.create(input(), { now: new Date(Date.UTC(2026, 0, 1 + i)) });
      ids.push(created.id);
    }
    const first = await own.list(3);
    expect(first.items.map((p) => p.id)).toEqual(ids.slice(2).reverse());
    expect(first.nextCursor).not.toBeNull();
    const second = await own.list(3, first.nextCursor!);
    expect(second.items.map((p) => p.id)).toEqual(ids.slice(0, 2).reverse());
    expect(await errorCode(own.list(3, `${first.nextCursor}x`))).toBe('400 invalid_cursor');
  });

  it('updates on the current version only and keeps the gsi2 membership', async () => {
    const created = await make(input());
    const updated = await promotions.update(created.id, { version: 1, percentBps: 2500 });
    expect(updated).toMatchObject({ version: 2, percentBps: 2500 });
    expect(await errorCode(promotions.update(created.id, { version: 1, name: 'late' }))).toBe(
      '409 version_conflict',
    );
    expect((await promotions.automatic()).find((p) => p.id === created.id)).toMatchObject({
      percentBps: 2500,
    });
    expect(await errorCode(promotions.update('missing', { version: 1 }))).toBe('404 promotion_not_found');
  });

  it('reports the redemption count with the promotion', async () => {
    const created = await make(input({ usageLimit: 10 }));
    const engine = promotionFromItem({ ...created });
    expect((await promotions.getWithUsage(created.id))?.usage).toEqual({ total: 0 });
    expect((await transact(consumeUsageItems(table, [engine], undefined))).ok).toBe(true);
    expect((await promotions.getWithUsage(created.id))?.usage).toEqual({ total: 1 });
    expect(await promotions.getWithUsage('missing')).toBeUndefined();
  });

  it('deletes a promotion at its version and frees its code', async () => {
    const created = await make(input({ code: 'GONE' }));
    expect(await errorCode(promotions.delete(created.id, 2))).toBe('409 version_conflict');
    await promotions.delete(created.id, 1);
    expect(await promotions.get(created.id, { consistent: true })).toBeUndefined();
    // The code is free again.
    expect((await make(input({ code: 'GONE' }))).code).toBe('GONE');
    expect(await errorCode(promotions.delete(created.id, 1))).toBe('404 promotion_not_found');
  });
});
