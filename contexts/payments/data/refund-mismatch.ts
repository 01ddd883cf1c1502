import { PaymentProviderUnavailableError } from '../domain/errors.ts';
import type { PaymentGateway } from '../domain/gateway.ts';
import type { ExpectedPayment, MismatchReason } from '../domain/match.ts';
import { mismatchRefundKey, type PaymentMismatch } from '../domain/mismatch.ts';
import type { PaymentResult } from '../domain/result.ts';
import { recordMismatch, recordMismatchRefund } from './mismatch-store.ts';

/** What handling a mismatching payment did: recorded it now, or found it recorded; and its refund. */
export interface MismatchTaken {
  readonly created: boolean;
  readonly mismatch: PaymentMismatch;
}

/**
 * A succeeded payment that names an order but is not its payment: recorded once (with `PaymentMismatch`
 * on the bus), then refunded in full through the payment gateway under a refund key of the intent, so
 * however often Stripe delivers the event there is one record and one refund. The order is not touched:
 * its checkout goes on waiting for its own payment. Stripe unreachable: the error goes up (the webhook
 * answers 500 and Stripe redelivers, which asks again under the same key); Stripe refusing the refund
 * (already refunded in the dashboard, say) is recorded as `failed` for a person to look at.
 * `onRecorded` hears of the record before the refund is asked for, so a first delivery is told (and
 * logged) even when Stripe cannot be reached. 1 transaction (+ 1 GetItem when recorded before), then,
 * while the refund is `requested`, 1 Stripe refund + 1 UpdateItem.
 */
export const refundMismatch = async (
  deps: { readonly table: string; readonly gateway: () => Promise<PaymentGateway> },
  result: PaymentResult,
  expected: ExpectedPayment,
  reasons: readonly MismatchReason[],
  onRecorded: (taken: MismatchTaken) => void = () => {},
  now = new Date(),
): Promise<MismatchTaken> => {
  const { created, stored } = await recordMismatch(deps.table, {
    orderId: result.orderId,
    paymentIntentId: result.paymentIntentId,
    eventId: result.eventId,
    amount: result.amount,
    currency: result.currency,
    reasons: [...reasons],
    expected,
    recordedAt: now.toISOString(),
    refund: { status: 'requested', providerRefundId: null, failureReason: null },
  });
  onRecorded({ created, mismatch: stored });
  if (stored.refund.status !== 'requested') return { created, mismatch: stored };
  const refund = await askRefund(deps.gateway, stored);
  const recorded = await recordMismatchRefund(deps.table, stored, refund);
  return { created, mismatch: recorded ? { ...stored, refund } : stored };
};

/** Stripe's answer to the refund of a mismatching payment; unreachable is thrown for a redelivery. */
const askRefund = async (
  gateway: () => Promise<PaymentGateway>,
  mismatch: PaymentMismatch,
): Promise<PaymentMismatch['refund']> => {
  try {
    const refund = await (await gateway()).refund({
      orderId: mismatch.orderId,
      paymentIntentId: mismatch.paymentIntentId,
      refundKey: mismatchRefundKey(mismatch.paymentIntentId),
    });
    return { status: 'issued', providerRefundId: refund.refundId, failureReason: null };
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) throw error;
    const reason = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown';
    return { status: 'failed', providerRefundId: null, failureReason: String(reason).slice(0, 200) };
  }
};
