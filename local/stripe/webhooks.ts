import Stripe from 'stripe';
import type { EventObject } from './objects.ts';

/** One event's delivery to the webhook endpoint, as the dashboard's "webhook attempts" show it. */
export interface Delivery {
  readonly event: EventObject;
  readonly url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** HTTP status of the last attempt, when the endpoint answered at all. */
  responseStatus?: number;
  error?: string;
}

export interface WebhookOptions {
  /** Where events are posted; without one events are only recorded. */
  /** Where events go; a function when the receiver starts after the local Stripe (the local cloud's API). */
  readonly url?: string | (() => string);
  readonly secret: string;
  /** Attempts per event before it counts as failed. Default 4. */
  readonly attempts?: number;
  /** Wait before retry n is this times 2^(n-1). Default 200 ms. */
  readonly retryDelayMs?: number;
  /** One attempt's time limit. Default 5 s. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface Webhooks {
  /** Records the event and delivers it after those already queued for the same key (an intent). */
  emit(event: EventObject, orderingKey: string): void;
  events(): EventObject[];
  deliveries(): Delivery[];
  /** Resolves when no delivery is queued or in flight. */
  settled(): Promise<void>;
  /** Abandons waiting retries (recorded as failed) and waits for attempts in flight. */
  stop(): Promise<void>;
}

// Enough for a local session; the oldest go first.
const HISTORY = 1000;

const push = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > HISTORY) list.shift();
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** One signed POST, exactly as Stripe sends it: the raw JSON body and a fresh `Stripe-Signature`. */
const post = async (delivery: Delivery, secret: string, timeoutMs: number, stopped: AbortSignal) => {
  const payload = JSON.stringify(delivery.event, null, 2);
  // Stripe signs each attempt anew, so the timestamp is always within the receiver's tolerance.
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(delivery.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': signature,
    },
    body: payload,
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopped]),
  });
  delivery.responseStatus = response.status;
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299)
    throw new Error(`the endpoint answered ${response.status}`);
};

/**
 * Delivers events in the background, after the API call that caused them has answered, in order per
 * intent. Stripe retries for three days; locally a few quick retries ride out a restarting endpoint,
 * and an endpoint that keeps failing (or does not exist yet) is logged, never breaking the API.
 */
export const createWebhooks = (options: WebhookOptions): Webhooks => {
  const { url, secret, attempts = 4, retryDelayMs = 200, timeoutMs = 5000 } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`[stripe] ${line}\n`));
  const events: EventObject[] = [];
  const deliveries: Delivery[] = [];
  const chains = new Map<string, Promise<void>>();
  const stopping = new AbortController();

  const deliver = async (delivery: Delivery): Promise<void> => {
    while (delivery.attempts < attempts && !stopping.signal.aborted) {
      if (delivery.attempts > 0) await sleep(retryDelayMs * 2 ** (delivery.attempts - 1), stopping.signal);
      if (stopping.signal.aborted) break;
      delivery.attempts++;
      try {
        await post(delivery, secret, timeoutMs, stopping.signal);
        delivery.status = 'delivered';
        delete delivery.error;
        return;
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
    }
    delivery.status = 'failed';
    if (stopping.signal.aborted) delivery.error = `stopped: ${delivery.error ?? 'not attempted'}`;
    log(
      `${delivery.event.type} ${delivery.event.id} not delivered to ${delivery.url} after ${delivery.attempts} attempts: ${delivery.error}`,
    );
  };

  return {
    emit: (event, key) => {
      push(events, event);
      if (!url) return;
      const delivery: Delivery = {
        event,
        url: typeof url === 'function' ? url() : url,
        status: 'pending',
        attempts: 0,
      };
      push(deliveries, delivery);
      // setImmediate: the API response goes out before the first attempt starts.
      const previous = chains.get(key) ?? Promise.resolve();
      const next = previous
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => deliver(delivery));
      chains.set(key, next);
      void next.then(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    },
    events: () => [...events],
    deliveries: () => [...deliveries],
    settled: async () => {
      while (chains.size > 0) await Promise.all(chains.values());
    },
    stop: async () => {
      stopping.abort();
      await Promise.all(chains.values());
    },
  };
};
