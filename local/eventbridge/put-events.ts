import type { PutEventsResponse, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { AwsError, missingMember } from './aws-error.ts';
import { type Bus, referenceName, refersTo } from './bus.ts';
import { buildEvent, type EventBridgeEvent } from './event.ts';

/** AWS's limits on one PutEvents call. */
export const MAX_ENTRIES = 10;
/** 1 MiB since 2026-01-29 (it was 256 KB before); the start option `maxRequestBytes` can lower it. */
export const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

export interface PutEventsContext {
  readonly bus: Bus;
  readonly maxRequestBytes: number;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface PutEventsOutcome {
  readonly response: PutEventsResponse;
  /** The accepted events, in request order, to route to the rules. */
  readonly events: EventBridgeEvent[];
}

type Entry = Readonly<Record<string, unknown>>;

const utf8Length = (text: unknown): number =>
  typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0;

/** The entry size as the EventBridge guide defines it: Time counts 14 bytes, strings their UTF-8 length. */
const entrySize = (entry: Entry): number => {
  const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
  return (
    (entry.Time === undefined ? 0 : 14) +
    utf8Length(entry.Source) +
    utf8Length(entry.DetailType) +
    utf8Length(entry.Detail) +
    resources.reduce((sum: number, r: unknown) => sum + utf8Length(r), 0)
  );
};

const failure = (code: string, message: string): PutEventsResultEntry => ({
  ErrorCode: code,
  ErrorMessage: message,
});

const required = (member: string): PutEventsResultEntry =>
  failure('InvalidArgument', `Parameter ${member} is not valid. Reason: ${member} is a required argument.`);

const parseDetail = (text: string): Record<string, unknown> | undefined => {
  try {
    const detail: unknown = JSON.parse(text);
    return typeof detail === 'object' && detail !== null && !Array.isArray(detail)
      ? (detail as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** The SDK sends `Time` as epoch seconds; the CLI and hand-written calls may send an ISO string. */
const parseTime = (value: unknown, now: Date): Date => {
  const time =
    typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : now;
  return Number.isNaN(time.getTime()) ? now : time;
};

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Validates one entry and builds its event, or says why the entry failed (per-entry, as AWS does). */
const acceptEntry = (entry: Entry, context: PutEventsContext): EventBridgeEvent | PutEventsResultEntry => {
  const { bus } = context;
  if (!isString(entry.Source)) return required('Source');
  if (!isString(entry.DetailType)) return required('DetailType');
  if (!isString(entry.Detail)) return required('Detail');
  const detail = parseDetail(entry.Detail);
  if (!detail) return failure('MalformedDetail', 'Detail is malformed.');
  // Only AWS services may publish `aws.*` sources.
  if (entry.Source.startsWith('aws.'))
    return failure('NotAuthorizedForSourceException', 'Not authorized for the source.');
  if (!refersTo(bus, entry.EventBusName)) {
    return failure(
      'ResourceNotFoundException',
      `Event bus ${referenceName(entry.EventBusName)} does not exist.`,
    );
  }
  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
    return failure(
      'InvalidArgument',
      'Parameter Resources is not valid. Reason: Resources must be a list of strings.',
    );
  }
  const now = context.now();
  return buildEvent({
    id: context.newId(),
    source: entry.Source,
    detailType: entry.DetailType,
    time: parseTime(entry.Time, now),
    account: bus.accountId,
    region: bus.region,
    resources,
    detail,
  });
};

const entriesOf = (input: Readonly<Record<string, unknown>>): Entry[] => {
  const entries = input.Entries;
  if (entries === undefined || entries === null) throw missingMember('entries');
  if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
    const count = Array.isArray(entries) ? entries.length : 0;
    const bound = count < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`;
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  return entries.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Entry) : {}));
};

/**
 * PutEvents: request-level problems (entry count, total size) reject the whole call; entry problems
 * fail only that entry, and the others are still accepted, in order.
 */
export const putEvents = (
  input: Readonly<Record<string, unknown>>,
  context: PutEventsContext,
): PutEventsOutcome => {
  const entries = entriesOf(input);
  const size = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (size > context.maxRequestBytes) {
    throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
  }
  const events: EventBridgeEvent[] = [];
  const results = entries.map((entry): PutEventsResultEntry => {
    const accepted = acceptEntry(entry, context);
    if (!('detail-type' in accepted)) return accepted;
    events.push(accepted);
    return { EventId: accepted.id };
  });
  return {
    response: { FailedEntryCount: results.length - events.length, Entries: results },
    events,
  };
};
