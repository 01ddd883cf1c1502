import { beforeAll, describe, expect, it } from 'vitest';
import { type TransactItem, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { outboxItemEvents } from '../../support/outbox.ts';

describe('transact', () => {
  let table: string;
  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
  });

  const event = (type: string) => ({
    Put: { TableName: table, Item: outboxItem('commerce.orders', type, { type }) },
  });
  const newItem = (pk: string): TransactItem => ({
    Put: { TableName: table, Item: { pk, sk: 'X' }, ConditionExpression: 'attribute_not_exists(pk)' },
  });

  it('writes the outbox Puts of one transaction as one item carrying every event', async () => {
    const [a, b, c] = [event('A'), event('B'), event('C')];
    expect(await transact([a, newItem(`A#${crypto.randomUUID()}`), b, c])).toEqual({ ok: true });
    const written = (await outboxItemEvents(table)).filter((item) => item.some((e) => e.detailType === 'A'));
    expect(written.map((item) => item.map((e) => e.detail.id))).toEqual([
      [a, b, c].map((e) => e.Put.Item.detail.id),
    ]);
  });

  it('answers which of the caller’s writes failed, in the caller’s order', async () => {
    const taken = `B#${crypto.randomUUID()}`;
    await transact([newItem(taken)]);
    const result = await transact([
      event('D'),
      newItem(`B#${crypto.randomUUID()}`),
      event('E'),
      newItem(taken),
    ]);
    expect(result).toMatchObject({ ok: false, conditionFailed: [false, false, false, true] });
    expect((await outboxItemEvents(table)).flat().map((e) => e.detailType)).not.toContain('D');
  });
});
