import { beforeAll, describe, expect, it } from 'vitest';
import { markProcessed } from '#platform/events/processed.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

describe('markProcessed', () => {
  let table: string;
  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
  });

  it('admits an event id once per consumer, even under concurrent duplicate deliveries', async () => {
    const id = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => markProcessed(table, 'c1', id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await markProcessed(table, 'c1', id)).toBe(false);
  });

  it('lets each consumer handle the same event once', async () => {
    const id = crypto.randomUUID();
    expect(await markProcessed(table, 'c1', id)).toBe(true);
    expect(await markProcessed(table, 'c2', id)).toBe(true);
  });
});
