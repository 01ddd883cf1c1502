import { buildEvent, type RequestMeta } from './events.ts';
import type { Later } from './later.ts';
import type { Emission, EventObject } from './objects.ts';
import type { RefundSettlement } from './payment-methods.ts';
import { settleStoredRefund } from './refund-settlement.ts';
import type { Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

/** What one API call leaves for after its response: the events it caused, the refunds Stripe settles later. */
export interface AfterResponse {
  emit(emission: Emission, orderingKey: string): void;
  settleLater(refundId: string, outcome: RefundSettlement): void;
  /** Hands everything over one turn after the response went out. */
  flush(): void;
}

export const createAfterResponse = (
  account: { readonly store: Store; readonly webhooks: Webhooks; readonly later: Later },
  meta: RequestMeta,
): AfterResponse => {
  const events: { event: EventObject; key: string }[] = [];
  const settlements: (() => void)[] = [];
  return {
    emit: (emission, key) => {
      events.push({ event: buildEvent(emission, meta), key });
    },
    settleLater: (refundId, outcome) => {
      settlements.push(() => settleStoredRefund(account.store, account.webhooks, refundId, outcome));
    },
    flush: () => {
      setImmediate(() => {
        for (const { event, key } of events) account.webhooks.emit(event, key);
        // Scheduled once the call's own events are queued: a settlement, even with no delay, follows them.
        for (const settle of settlements) account.later.schedule(settle);
      });
    },
  };
};
