import { describe, expect, it } from 'vitest';
import {
  listedFulfillmentStatus,
  listedPaymentStatus,
  type PaymentStatusTest,
  paymentStatusTest,
  REFUND_FACETS,
} from '#contexts/orders/domain/facets.ts';
import { paymentStatusEntering, paymentStatusOf } from '#contexts/orders/domain/payment-status.ts';
import {
  type OrderStatus,
  orderStatus,
  type PaymentStatus,
  paymentStatus,
} from '#contexts/orders/domain/schemas.ts';
import { TRANSITIONS } from '#contexts/orders/domain/status.ts';

const statuses = orderStatus.options;
const grandTotal = 1000;
const refundedAmounts = [0, 400, 1000];
/** What a summary can store: nothing (stored before the facet), or any payment status. */
const storedValues: (PaymentStatus | undefined)[] = [undefined, ...paymentStatus.options];
const of = (status: OrderStatus, refunded: number) =>
  paymentStatusOf({ status, totals: { grandTotal } }, refunded);

/** What a list keeps for a test (the FilterExpressions spell out the same, list-filter.test.ts). */
const keeps = (test: PaymentStatusTest, stored: PaymentStatus | undefined, wanted: PaymentStatus) =>
  test === 'all' ||
  (test === 'unrefunded' && !REFUND_FACETS.includes(stored as PaymentStatus)) ||
  (test === 'stored' && stored === wanted);

describe('listedPaymentStatus', () => {
  it.each(statuses)('reads back what a write for a %s order stored, whatever was refunded', (status) => {
    for (const refunded of refundedAmounts)
      expect(listedPaymentStatus(status, of(status, refunded))).toBe(of(status, refunded));
  });

  it('reads a facet written while the order was paid or being canceled as its status now says', () => {
    // A refund read the order paid; it was canceled (or refunded) before the list read it.
    for (const refunded of refundedAmounts)
      for (const then of ['paid', 'cancel_pending'] as const)
        for (const now of TRANSITIONS[then])
          expect(listedPaymentStatus(now, of(then, refunded))).toBe(of(now, refunded));
  });

  it('shows an order stored without the facet as its status implies with nothing refunded', () => {
    for (const status of statuses) expect(listedPaymentStatus(status)).toBe(of(status, 0));
  });
});

describe('paymentStatusTest', () => {
  it('keeps exactly the orders a list shows with the payment status asked for', () => {
    for (const status of statuses)
      for (const stored of storedValues)
        for (const wanted of paymentStatus.options)
          expect(
            keeps(paymentStatusTest(status, wanted), stored, wanted),
            `${status} storing ${stored} asked ${wanted}`,
          ).toBe(listedPaymentStatus(status, stored) === wanted);
  });

  it.each([
    ['paid', 'paid', 'unrefunded'],
    ['paid', 'partially_refunded', 'stored'],
    ['canceled', 'refunded', 'stored'],
    ['canceled', 'voided', 'unrefunded'],
    ['refunded', 'refunded', 'all'],
    ['expired', 'voided', 'all'],
    ['payment_failed', 'paid', 'none'],
    ['refunded', 'partially_refunded', 'none'],
  ] as const)('finds %s orders showing %s with the test %s', (status, wanted, test) => {
    expect(paymentStatusTest(status, wanted)).toBe(test);
  });
});

describe('paymentStatusEntering', () => {
  it.each([
    [['pending_payment'], 'paid', 'paid'],
    [['pending_payment'], 'payment_failed', 'failed'],
    [['pending_payment'], 'expired', 'voided'],
    [['pending_payment'], 'canceled', 'voided'],
    [['paid'], 'refunded', 'refunded'],
    [['paid'], 'cancel_pending', undefined],
    [['cancel_pending'], 'canceled', undefined],
  ] as const)('stores on a move from %s to %s: %s', (from, to, expected) => {
    expect(paymentStatusEntering(from, to)).toBe(expected);
  });
});

describe('listedFulfillmentStatus', () => {
  it('shows an order no fulfillment changed as unfulfilled, else what was stored', () => {
    expect(listedFulfillmentStatus()).toBe('unfulfilled');
    expect(listedFulfillmentStatus('partially_fulfilled')).toBe('partially_fulfilled');
  });
});
