import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Account, handle } from './handler.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { generateKeys, type StripeKeys } from './ids.ts';
import { createLater } from './later.ts';
import type { ChargeObject, EventObject, PaymentIntentObject, RefundObject } from './objects.ts';
import { createOutages } from './outages.ts';
import { createStore } from './store.ts';
import { createWebhooks, type Delivery } from './webhooks.ts';

export interface StripeOptions {
  /** 0 or absent: a free port. The server only listens on 127.0.0.1. */
  readonly port?: number;
  /** Where events are posted (signed); without one they are only recorded. */
  readonly webhookUrl?: string | (() => string);
  /** Fixed keys (tests); fresh ones are generated otherwise. */
  readonly keys?: Partial<StripeKeys>;
  /** Delivery attempts per event. Default 4. */
  readonly webhookAttempts?: number;
  /** Wait before retry n is this times 2^(n-1). Default 200 ms. */
  readonly webhookRetryDelayMs?: number;
  /** Where one-line diagnostics go; stderr by default. */
  readonly log?: (line: string) => void;
  /**
   * How long after its creation a refund that Stripe settles later (`pm_card_refundFail`,
   * `pm_card_pendingRefund`) settles. Default 500 ms: long enough to read the first status back.
   */
  readonly refundSettleDelayMs?: number;
}

/** A running local Stripe: point the SDK at `apiUrl` with `secretKey`. */
export interface LocalStripe extends StripeKeys {
  /** `http://127.0.0.1:<port>`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly webhookUrl: string | (() => string) | undefined;
  paymentIntents(): PaymentIntentObject[];
  charges(): ChargeObject[];
  refunds(): RefundObject[];
  events(): EventObject[];
  deliveries(): Delivery[];
  /** Settles at once every refund still waiting to (Stripe's "some time later", fast-forwarded). */
  settleRefunds(): number;
  /**
   * Resolves when no refund is waiting to settle and every event so far is delivered or has failed
   * for good.
   */
  settled(): Promise<void>;
  /** Stops listening and abandons waiting webhook retries; safe to call more than once. */
  stop(): Promise<void>;
}

const listen = async (server: Server, port: number): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
};

const close = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/** Starts a local Stripe account: the PaymentIntents and Refunds subset, with signed webhooks. */
export const start = async (options: StripeOptions = {}): Promise<LocalStripe> => {
  const keys: StripeKeys = { ...generateKeys(), ...options.keys };
  const log = options.log ?? ((line: string) => process.stderr.write(`[stripe] ${line}\n`));
  const webhooks = createWebhooks({
    ...(options.webhookUrl ? { url: options.webhookUrl } : {}),
    secret: keys.webhookSecret,
    ...(options.webhookAttempts ? { attempts: options.webhookAttempts } : {}),
    ...(options.webhookRetryDelayMs !== undefined ? { retryDelayMs: options.webhookRetryDelayMs } : {}),
    log,
  });
  const account: Account = {
    keys,
    store: createStore(),
    idempotency: createIdempotencyStore(),
    webhooks,
    outages: createOutages(),
    later: createLater(options.refundSettleDelayMs ?? 500, log),
  };
  const server = createServer((request, response) => void handle(account, request, response));
  const port = await listen(server, options.port ?? 0);
  let stopping: Promise<void> | undefined;
  return {
    ...keys,
    apiUrl: `http://127.0.0.1:${port}`,
    port,
    webhookUrl: options.webhookUrl,
    paymentIntents: () => [...account.store.intents.values()],
    charges: () => [...account.store.charges.values()],
    refunds: () => [...account.store.refunds.values()],
    events: () => webhooks.events(),
    deliveries: () => webhooks.deliveries(),
    settleRefunds: () => account.later.runNow(),
    settled: async () => {
      // Events and later work are handed over one turn after the response (see after-response.ts).
      await new Promise((resolve) => setImmediate(resolve));
      await account.later.idle();
      await webhooks.settled();
    },
    stop: () => {
      account.later.stop();
      stopping ??= Promise.all([close(server), webhooks.stop()]).then(() => undefined);
      return stopping;
    },
  };
};
