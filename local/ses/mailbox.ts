import { recipientsOf, type SentMessage } from './message.ts';
import { addressOf } from './request.ts';

/** The messages the sink accepted, in memory: a restart starts from an empty mailbox. */
export interface Mailbox {
  add(message: SentMessage): void;
  /** Newest first; with `to`, only messages that went to that address (To, Cc or Bcc, any case). */
  list(filter?: { to?: string }): SentMessage[];
  get(id: string): SentMessage | undefined;
  clear(): void;
}

/** Enough for any session or test run; past it the oldest go, so a long session cannot grow it forever. */
export const DEFAULT_CAPACITY = 10_000;

export const createMailbox = (capacity = DEFAULT_CAPACITY): Mailbox => {
  // A Map keeps insertion order: its first key is the oldest message.
  const byId = new Map<string, SentMessage>();
  return {
    add: (message) => {
      byId.set(message.id, message);
      for (const oldest of byId.keys()) {
        if (byId.size <= capacity) break;
        byId.delete(oldest);
      }
    },
    list: (filter = {}) => {
      const to = filter.to ? (addressOf(filter.to) ?? filter.to).trim().toLowerCase() : undefined;
      return [...byId.values()].reverse().filter((m) => to === undefined || recipientsOf(m).includes(to));
    },
    get: (id) => byId.get(id),
    clear: () => byId.clear(),
  };
};
