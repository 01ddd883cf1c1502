import type { Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

// Local-only read-outs for tests and developers; real Stripe has no such paths (the dashboard shows
// the same things). Unauthenticated, like the rest of the local cloud, which listens on 127.0.0.1 only.
const list = (data: unknown[]) => ({ object: 'list', data });

/** The body for a `GET /_local/...` path, or undefined when there is no such read-out. */
export const inspect = (path: string, store: Store, webhooks: Webhooks): unknown => {
  switch (path) {
    case '/_local/payment_intents':
      return list([...store.intents.values()]);
    case '/_local/charges':
      return list([...store.charges.values()]);
    case '/_local/refunds':
      return list([...store.refunds.values()]);
    case '/_local/events':
      return list(webhooks.events());
    case '/_local/deliveries':
      return list(webhooks.deliveries());
    default:
      return undefined;
  }
};
