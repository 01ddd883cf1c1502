import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly body: string;
  readonly signature: string;
}

/** A webhook endpoint as the API will have one: it keeps each raw body, which signatures cover. */
export interface Receiver {
  readonly url: string;
  /** The deliveries it accepted, oldest first. */
  received(): Received[];
  /** Forgets what it received and answers normally again. */
  reset(): void;
  /** Answers the next `count` deliveries 503, as an endpoint that is restarting. */
  failNext(count: number): void;
  stop(): Promise<void>;
}

export const startReceiver = async (): Promise<Receiver> => {
  let received: Received[] = [];
  let failing = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (failing > 0) {
      failing--;
      response.writeHead(503).end();
      return;
    }
    received.push({
      body: Buffer.concat(chunks).toString('utf8'),
      signature: String(request.headers['stripe-signature']),
    });
    response.writeHead(200).end('{"received":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received: () => [...received],
    reset: () => {
      received = [];
      failing = 0;
    },
    failNext: (count) => {
      failing = count;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
