import { buildEvent, NO_REQUEST } from './events.ts';
import type { RefundSettlement } from './payment-methods.ts';
import { settleRefund } from './state-machine.ts';
import type { Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

/**
 * Settles a stored refund as its card's course says and sends the events, as Stripe does some time
 * after creating it: the events name no request, since no API call caused them.
 */
export const settleStoredRefund = (
  store: Store,
  webhooks: Webhooks,
  refundId: string,
  outcome: RefundSettlement,
): void => {
  const refund = store.refunds.get(refundId);
  const charge = typeof refund?.charge === 'string' ? store.charges.get(refund.charge) : undefined;
  if (!refund || !charge) throw new Error(`Refund ${refundId} or its charge is missing.`);
  const result = settleRefund(refund, charge, outcome);
  store.refunds.set(result.refund.id, result.refund);
  store.charges.set(result.charge.id, result.charge);
  // Keyed by intent like the refund's first events, so these reach the endpoint after them.
  for (const emission of result.events)
    webhooks.emit(buildEvent(emission, NO_REQUEST), String(charge.payment_intent));
};
