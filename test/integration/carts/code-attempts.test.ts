import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { chargeCodeAttempt } from '#contexts/carts/data/code-attempts.ts';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const limits = { attempts: 10, windowSeconds: 900 };
const at = (second: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, second));

const counter = async (table: string, cartId: string) =>
  (
    await documentClient().send(
      new GetCommand({ TableName: table, Key: cartKeys.codeAttempts(cartId), ConsistentRead: true }),
    )
  ).Item;

describe('code attempts per cart', () => {
  it('lets exactly the limit through when fifty attempts race on one cart', async () => {
    useLocalDynamo();
    const table = await createTestTable();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => chargeCodeAttempt(table, 'race', limits, at(0))),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => !r.allowed)).toEqual(
      Array.from({ length: 40 }, () => ({ allowed: false, retryAfterSeconds: 900 })),
    );
    expect(await counter(table, 'race')).toMatchObject({
      attempts: 10,
      windowEndsAt: at(900).getTime() / 1000,
    });
  });

  it('gives back only the refunded slot, and opens a new window once the old one closes', async () => {
    useLocalDynamo();
    const table = await createTestTable();
    const charged = [];
    for (let i = 0; i < 10; i++) charged.push(await chargeCodeAttempt(table, 'c', limits, at(i)));
    const last = charged.at(-1)!;
    if (!last.allowed) throw new Error('the tenth attempt should be allowed');
    await last.refund();
    await last.refund(); // a second refund of one slot must not give back an earlier failure's
    expect((await counter(table, 'c'))?.attempts).toBe(9);
    expect((await chargeCodeAttempt(table, 'c', limits, at(100))).allowed).toBe(true);
    expect(await chargeCodeAttempt(table, 'c', limits, at(300))).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
    // The window opened at the first attempt (second 0) and closes at second 900.
    const reopened = await chargeCodeAttempt(table, 'c', limits, at(900));
    expect(reopened.allowed).toBe(true);
    expect(await counter(table, 'c')).toMatchObject({ attempts: 1, windowEndsAt: at(1800).getTime() / 1000 });
  });
});
