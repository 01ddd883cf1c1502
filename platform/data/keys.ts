/**
 * Keys of the items the platform itself keeps in the single table: outbox records, consumers' processed
 * event markers and waiting task tokens. Each context composes its own keys in its `data/keys.ts`; the
 * composition (app/compose.ts) refuses two contexts that claim the same key prefix.
 */

/** Partition-key prefixes of the platform's items. */
export const platformKeyPrefixes = ['OUTBOX#', 'EVENT#', 'TASK#', 'BACKFILL#'] as const;

/** An outbox record: written in the transaction of the change it reports, relayed from the stream. */
export const outboxKeys = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });

/** A consumer's record that it has handled an event: makes every consumer idempotent by event id. */
export const processedEventKeys = (consumer: string, eventId: string) => ({
  pk: `EVENT#${eventId}`,
  sk: `CONSUMER#${consumer}`,
});

/** A Step Functions task token waiting for a decision, by execution name. */
export const taskTokenKeys = (executionName: string) => ({ pk: `TASK#${executionName}`, sk: 'TOKEN' });

/** Where a backfill run keeps one Scan segment's position (platform/data/backfill.ts). */
export const backfillKeys = (name: string, segment: number) => ({
  pk: `BACKFILL#${name}`,
  sk: `SEGMENT#${segment}`,
});

/** The `entity` attribute of the platform's items. */
export const PlatformEntity = {
  outbox: 'OUTBOX',
  processedEvent: 'PROCESSED_EVENT',
  taskToken: 'TASK_TOKEN',
  backfill: 'BACKFILL',
} as const;
