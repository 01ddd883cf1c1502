import { describe, expect, it } from 'vitest';
import {
  type ExpectedPayment,
  expectedPaymentOf,
  isOrdersOwn,
  mismatchesOf,
} from '#contexts/payments/domain/match.ts';
import { mismatchRefundKey } from '#contexts/payments/domain/mismatch.ts';
import {
  type PaymentOutcome,
  type PaymentResult,
  paymentResultSchema,
} from '#contexts/payments/domain/result.ts';

const expected: ExpectedPayment = { paymentIntentId: 'pi_order', amount: 2599, currency: 'EUR' };

const result = (outcome: PaymentOutcome, fields: Partial<PaymentResult> = {}): PaymentResult =>
  paymentResultSchema.parse({
    orderId: 'ord_1',
    outcome,
    paymentIntentId: 'pi_order',
    eventId: 'evt_1',
    eventType: `payment_intent.${outcome}`,
    eventCreated: 1_700_000_000,
    recordedAt: '2026-01-01T00:00:00.000Z',
    amount: 2599,
    currency: 'EUR',
    ...fields,
  });

describe('the payment matching rule', () => {
  it('takes a success of the order’s own intent, total and currency as the order’s payment', () => {
    expect(mismatchesOf(expected, result('succeeded'))).toEqual([]);
    expect(isOrdersOwn(expected, result('succeeded'))).toBe(true);
  });

  it('compares currencies without regard to case (Stripe sends them lower case)', () => {
    expect(mismatchesOf(expected, { paymentIntentId: 'pi_order', amount: 2599, currency: 'eur' })).toEqual(
      [],
    );
  });

  it.each([
    ['another intent', { paymentIntentId: 'pi_other' }, ['payment_intent']],
    ['a smaller amount', { amount: 2598 }, ['amount']],
    ['a larger amount', { amount: 2600 }, ['amount']],
    ['another currency', { currency: 'USD' }, ['currency']],
    [
      'another intent for less in another currency',
      { paymentIntentId: 'pi_x', amount: 1, currency: 'GBP' },
      ['payment_intent', 'amount', 'currency'],
    ],
  ] as const)('refuses a success with %s, naming every difference', (_, fields, reasons) => {
    const paid = result('succeeded', fields);
    expect(mismatchesOf(expected, paid)).toEqual(reasons);
    expect(isOrdersOwn(expected, paid)).toBe(false);
  });

  it('refuses every success for an order that has no intent recorded yet', () => {
    const none = { ...expected, paymentIntentId: null };
    expect(mismatchesOf(none, result('succeeded'))).toEqual(['payment_intent']);
    expect(isOrdersOwn(none, result('succeeded'))).toBe(false);
  });

  it.each(['failed', 'canceled', 'refunded'] as const)(
    'lets only the order’s own intent decide a %s outcome',
    (outcome) => {
      expect(isOrdersOwn(expected, result(outcome))).toBe(true);
      expect(isOrdersOwn(expected, result(outcome, { paymentIntentId: 'pi_other' }))).toBe(false);
      // A refund of part of the payment reports the charge's amount; only the intent tells whose it is.
      expect(isOrdersOwn(expected, result(outcome, { amount: 1 }))).toBe(true);
    },
  );

  it('expects what the order recorded: its intent, grand total and currency', () => {
    const order = { currency: 'EUR', totals: { grandTotal: 2599 }, payment: { paymentIntentId: 'pi_order' } };
    expect(expectedPaymentOf(order)).toEqual(expected);
    expect(expectedPaymentOf({ ...order, payment: {} })).toEqual({ ...expected, paymentIntentId: null });
  });
});

describe('the refund key of a mismatching payment', () => {
  it('is one per intent, and a valid refund key', () => {
    expect(mismatchRefundKey('pi_a')).toBe(mismatchRefundKey('pi_a'));
    expect(mismatchRefundKey('pi_a')).not.toBe(mismatchRefundKey('pi_b'));
    expect(mismatchRefundKey('pi_a')).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
