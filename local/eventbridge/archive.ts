import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventBridgeEvent } from './event.ts';

/** The bus's archive: every event put on it (never a replayed one), for `StartReplay`. */
export interface Archive {
  readonly name: string;
  readonly createdAt: Date;
  append(event: EventBridgeEvent): void;
  /** Archived events with `start <= time < end`, oldest first. */
  between(start: Date, end: Date): EventBridgeEvent[];
  readonly eventCount: () => number;
  readonly sizeBytes: () => number;
}

export interface ArchiveOptions {
  readonly name: string;
  /**
   * A JSON Lines file: the archive survives a restart of the local cloud (started with a data
   * directory), so yesterday's events can be replayed today. Absent: kept in memory.
   */
  readonly file?: string;
  /** Events older than this are not replayed (AWS: the archive's retention). Default: kept for ever. */
  readonly retentionDays?: number;
}

const load = (file: string): EventBridgeEvent[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as EventBridgeEvent)
    : [];

export const createArchive = (options: ArchiveOptions): Archive => {
  const events = options.file ? load(options.file) : [];
  let size = events.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e)), 0);
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const retained = (event: EventBridgeEvent, now: number) =>
    options.retentionDays === undefined ||
    Date.parse(event.time) >= now - options.retentionDays * 24 * 3600 * 1000;
  return {
    name: options.name,
    createdAt: new Date(),
    append: (event) => {
      const line = JSON.stringify(event);
      events.push(event);
      size += Buffer.byteLength(line);
      if (options.file) appendFileSync(options.file, `${line}\n`);
    },
    between: (start, end) => {
      const now = Date.now();
      return events.filter((e) => {
        const time = Date.parse(e.time);
        return time >= start.getTime() && time < end.getTime() && retained(e, now);
      });
    },
    eventCount: () => events.length,
    sizeBytes: () => size,
  };
};
