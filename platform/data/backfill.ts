import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { backfillKeys, PlatformEntity } from './keys.ts';
import { backoff, type TransactItem, transact } from './transact.ts';

type Item = Record<string, unknown>;

/**
 * A change of key design applied to the items already stored. `migrate` looks at one stored item and
 * answers the writes that bring it to the current design, or none when it is there already: so a run
 * is idempotent, and a second run (or one resumed after a crash) writes nothing for what is done. The
 * writes carry conditions on what `migrate` read (a version, an attribute), so a concurrent change
 * cancels them and the item is read again.
 */
export interface Backfill {
  /** Stable name: the checkpoint of a run is kept under it. */
  readonly name: string;
  /** What it does, for the CLI's list. */
  readonly description: string;
  /** The `entity` values it reads (a Scan filter). */
  readonly entities: readonly string[];
  /** The writes for one item; a promise when it reads other items to decide (each read counts). */
  readonly migrate: (table: string, item: Item) => TransactItem[] | Promise<TransactItem[]>;
}

/** What a run did, per segment and in all. */
export interface BackfillReport {
  readonly scanned: number;
  readonly migrated: number;
  readonly segments: number;
  /** Segments that were finished by an earlier run and skipped. */
  readonly resumedDone: number;
}

interface Checkpoint {
  readonly lastKey?: Item;
  readonly done: boolean;
  readonly scanned: number;
  readonly migrated: number;
}

const MAX_ATTEMPTS = 8;

const readCheckpoint = async (table: string, name: string, segment: number): Promise<Checkpoint> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: backfillKeys(name, segment), ConsistentRead: true }),
  );
  return Item
    ? {
        ...(Item.lastKey ? { lastKey: Item.lastKey as Item } : {}),
        done: Item.done === true,
        scanned: Number(Item.scanned ?? 0),
        migrated: Number(Item.migrated ?? 0),
      }
    : { done: false, scanned: 0, migrated: 0 };
};

const saveCheckpoint = (table: string, name: string, segment: number, checkpoint: Checkpoint) =>
  documentClient().send(
    new PutCommand({
      TableName: table,
      Item: {
        ...backfillKeys(name, segment),
        entity: PlatformEntity.backfill,
        ...checkpoint,
        updatedAt: new Date().toISOString(),
      },
    }),
  );

/** Applies one item's writes; on a cancellation (the item changed meanwhile) reads it again and retries. */
const migrateOne = async (table: string, backfill: Backfill, item: Item): Promise<boolean> => {
  let current: Item | undefined = item;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && current; attempt++) {
    const writes = await backfill.migrate(table, current);
    if (writes.length === 0) return false;
    if ((await transact(writes)).ok) return true;
    await backoff(attempt);
    const key: Item = { pk: current.pk, sk: current.sk };
    const reread = await documentClient().send(
      new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
    );
    current = reread.Item;
  }
  if (!current) return false;
  throw new Error(`Backfill ${backfill.name}: item ${String(item.pk)} / ${String(item.sk)} kept changing`);
};

/**
 * Runs a backfill over the whole table in `segments` parallel Scan segments, saving each segment's
 * position after every page (`BACKFILL#<name>` items), so an interrupted run resumes where it stopped
 * and a finished one does nothing. `progress` hears every page.
 */
export const runBackfill = async (
  table: string,
  backfill: Backfill,
  options: { segments?: number; pageSize?: number; progress?: (report: BackfillReport) => void } = {},
): Promise<BackfillReport> => {
  const segments = options.segments ?? 4;
  const totals = { scanned: 0, migrated: 0, resumedDone: 0 };
  const report = (): BackfillReport => ({ ...totals, segments });
  const names = Object.fromEntries(backfill.entities.map((_, i) => [`:e${i}`, backfill.entities[i]]));
  const runSegment = async (segment: number) => {
    let checkpoint = await readCheckpoint(table, backfill.name, segment);
    totals.scanned += checkpoint.scanned;
    totals.migrated += checkpoint.migrated;
    if (checkpoint.done) {
      totals.resumedDone += 1;
      return;
    }
    do {
      const page = await documentClient().send(
        new ScanCommand({
          TableName: table,
          Segment: segment,
          TotalSegments: segments,
          FilterExpression: `entity IN (${Object.keys(names).join(', ')})`,
          ExpressionAttributeValues: names,
          Limit: options.pageSize ?? 200,
          ...(checkpoint.lastKey ? { ExclusiveStartKey: checkpoint.lastKey } : {}),
        }),
      );
      const items = page.Items ?? [];
      let migrated = 0;
      for (const item of items) if (await migrateOne(table, backfill, item)) migrated += 1;
      totals.scanned += items.length;
      totals.migrated += migrated;
      checkpoint = {
        ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
        done: !page.LastEvaluatedKey,
        scanned: checkpoint.scanned + items.length,
        migrated: checkpoint.migrated + migrated,
      };
      await saveCheckpoint(table, backfill.name, segment, checkpoint);
      options.progress?.(report());
    } while (!checkpoint.done);
  };
  await Promise.all(Array.from({ length: segments }, (_, s) => runSegment(s)));
  return report();
};
