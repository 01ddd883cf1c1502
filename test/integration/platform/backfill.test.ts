import { BatchWriteCommand, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Backfill, runBackfill } from '#platform/data/backfill.ts';
import { documentClient } from '#platform/data/client.ts';
import { backfillKeys } from '#platform/data/keys.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

/** A sample design change: every `THING` item gains `gsi1pk = THINGS#<colour>` (once). */
const indexThings = (name: string, seen: string[] = []): Backfill => ({
  name,
  description: 'index things by colour',
  entities: ['THING'],
  migrate: (table, item) => {
    seen.push(String(item.pk));
    if (item.gsi1pk) return [];
    return [
      {
        Update: {
          TableName: table,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET gsi1pk = :g, gsi1sk = pk',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':g': `THINGS#${String(item.colour)}`, ':v': item.version },
        },
      },
    ];
  },
});

const put = async (table: string, count: number) => {
  const items = Array.from({ length: count }, (_, i) => ({
    pk: `THING#${i}`,
    sk: 'THING',
    entity: 'THING',
    colour: i % 2 ? 'red' : 'blue',
    version: 1,
  }));
  for (let i = 0; i < items.length; i += 25)
    await documentClient().send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  // Other entities the backfill must not touch.
  await documentClient().send(
    new BatchWriteCommand({
      RequestItems: { [table]: [{ PutRequest: { Item: { pk: 'OTHER#1', sk: 'OTHER', entity: 'OTHER' } } }] },
    }),
  );
};

const indexed = async (table: string) => {
  const { Items = [] } = await documentClient().send(
    new ScanCommand({
      TableName: table,
      FilterExpression: 'attribute_exists(gsi1pk) AND entity = :e',
      ExpressionAttributeValues: { ':e': 'THING' },
    }),
  );
  return Items;
};

describe('runBackfill', () => {
  let table: string;
  beforeAll(async () => {
    useLocalDynamo();
    table = await createTestTable();
    await put(table, 120);
  });

  it('changes every matching item once, and a second run reads nothing again', async () => {
    const first = await runBackfill(table, indexThings('things-1'), { segments: 3, pageSize: 17 });
    expect(first).toMatchObject({ scanned: 120, migrated: 120, segments: 3, resumedDone: 0 });
    const items = await indexed(table);
    expect(items).toHaveLength(120);
    expect(items.every((i) => i.gsi1pk === `THINGS#${i.colour}`)).toBe(true);
    const other = await documentClient().send(
      new GetCommand({ TableName: table, Key: { pk: 'OTHER#1', sk: 'OTHER' } }),
    );
    expect(other.Item?.gsi1pk).toBeUndefined();

    const seen: string[] = [];
    const again = await runBackfill(table, indexThings('things-1', seen), { segments: 3 });
    expect(again).toMatchObject({ scanned: 120, migrated: 120, resumedDone: 3 });
    expect(seen).toHaveLength(0);
  });

  it('resumes an interrupted run from its checkpoints, and is idempotent over what it did', async () => {
    // The first run crashes after its first page in every segment.
    const crashing = indexThings('things-2');
    let pages = 0;
    await expect(
      runBackfill(table, crashing, {
        segments: 2,
        pageSize: 10,
        progress: () => {
          pages += 1;
          if (pages === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const checkpoint = await documentClient().send(
      new GetCommand({ TableName: table, Key: backfillKeys('things-2', 0), ConsistentRead: true }),
    );
    expect(checkpoint.Item?.done).toBe(false);

    const seen: string[] = [];
    const resumed = await runBackfill(table, indexThings('things-2', seen), { segments: 2, pageSize: 10 });
    expect(resumed.scanned).toBe(120);
    // The resumed run did not read the pages the first run had finished.
    expect(seen.length).toBeLessThan(120);
    expect(await indexed(table)).toHaveLength(120);
  });
});
