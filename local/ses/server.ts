import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handle } from './handler.ts';
import { createMailbox } from './mailbox.ts';
import type { SentMessage } from './message.ts';

export interface SesOptions {
  /** 0 or absent: a free port. The server only listens on 127.0.0.1. */
  readonly port?: number;
  /** How many messages to keep before the oldest go; 10,000 by default. */
  readonly capacity?: number;
}

/** A running local mail sink (`AWS_ENDPOINT_URL_SESV2`): SendEmail in, an inbox page out. */
export interface LocalSes {
  /** `http://127.0.0.1:<port>`: the SDK's endpoint, and the inbox page in a browser. */
  readonly url: string;
  /** What was sent, newest first; with `to`, only what went to that address. */
  messages(filter?: { to?: string }): SentMessage[];
  clear(): void;
  /** Stops listening; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts a mail sink speaking the SES v2 SendEmail operation: messages are kept in memory, listed at
 * `/_local/messages` and shown at `/`, and never delivered.
 */
export const start = async (options: SesOptions = {}): Promise<LocalSes> => {
  const mailbox = createMailbox(options.capacity);
  const server = createServer((request, response) => void handle(mailbox, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    messages: (filter) => mailbox.list(filter),
    clear: () => mailbox.clear(),
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopping;
    },
  };
};
