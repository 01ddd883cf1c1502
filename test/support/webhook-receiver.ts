// A webhook receiver for tests and benches (no vitest here, so bench/ can use it too).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test receiver got: its headers, raw body and parsed payload. */
export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly payload: { type: string; id: string; timestamp: string; data: Record<string, unknown> };
  readonly at: number;
}

/** What a receiver does with the n-th request (1-based) of one `webhook-id`. */
export type Answer = number | 'hang' | 'close';

/** A local webhook receiver (node:http on loopback), answering as `answer` says. */
export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** When each hung request's connection was dropped by the sender. */
  readonly dropped: number[];
  /** The requests of one `webhook-id`. */
  of(webhookId: string): Received[];
  close(): Promise<void>;
}

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Starts a receiver; `answer(n, payload)` decides the answer to the n-th request of a delivery. */
export const startReceiver = async (
  answer: (attempt: number, received: Received) => Answer = () => 200,
): Promise<Receiver> => {
  const received: Received[] = [];
  const dropped: number[] = [];
  const hung = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const entry: Received = { headers: req.headers, body, payload: JSON.parse(body), at: Date.now() };
    received.push(entry);
    const attempt = received.filter((r) => r.headers['webhook-id'] === req.headers['webhook-id']).length;
    const what = answer(attempt, entry);
    if (what === 'close') {
      req.socket.destroy();
      return;
    }
    if (what === 'hang') {
      hung.add(res);
      res.on('close', () => dropped.push(Date.now()));
      return;
    }
    res.writeHead(what, { 'content-type': 'text/plain' }).end(what < 300 ? 'ok' : 'no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    dropped,
    of: (webhookId) => received.filter((r) => r.headers['webhook-id'] === webhookId),
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** Whether a request's `webhook-signature` is the secret's HMAC of `{id}.{timestamp}.{body}`. */
export const verifies = (r: Received, secret: string): boolean => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`;
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return String(r.headers['webhook-signature'])
    .split(' ')
    .some((s) => s === `v1,${expected}`);
};
