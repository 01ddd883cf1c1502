import { randomUUID } from 'node:crypto';
import { outboxKeys, PlatformEntity } from '../data/keys.ts';

/** How long an outbox record stays after the stream has carried it (TTL removes it). */
const OUTBOX_RETENTION_SECONDS = 24 * 60 * 60;

/** A domain event waiting in the outbox: the relay turns it into one PutEvents entry. */
export interface OutboxRecord {
  readonly source: `commerce.${string}`;
  readonly detailType: string;
  readonly detail: { id: string; occurredAt: string; schemaVersion: number; data: unknown };
}

/**
 * The outbox item for an event, to be written in the same TransactWriteItems as the state change
 * it reports: if the change commits, the event exists; if not, neither does the event.
 */
export const outboxItem = (
  source: OutboxRecord['source'],
  detailType: string,
  data: unknown,
  now = new Date(),
  schemaVersion = 1,
) => {
  const id = randomUUID();
  const record: OutboxRecord = {
    source,
    detailType,
    detail: { id, occurredAt: now.toISOString(), schemaVersion, data },
  };
  return {
    ...outboxKeys(id),
    entity: PlatformEntity.outbox,
    ...record,
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
  };
};
