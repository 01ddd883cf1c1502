import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { NotificationUndeliverableError } from '#contexts/notifications/domain/errors.ts';
import {
  orderConfirmationEmail,
  renderOrderConfirmation,
} from '#contexts/notifications/domain/order-confirmation.ts';
import type { Order } from '#contexts/orders/domain/schemas.ts';
import { sampleOrder } from '../../support/orders.ts';

const now = new Date('2026-03-01T12:00:00.000Z');

/** The sample order restated in `currency` with the given line totals and grand total (minor units). */
const inCurrency = (currency: CurrencyCode, lineTotals: number[], grandTotal: number): Order => {
  const order = sampleOrder({ status: 'paid' });
  return {
    ...order,
    currency,
    lines: order.lines.slice(0, lineTotals.length).map((line, i) => ({ ...line, total: lineTotals[i]! })),
    totals: { ...order.totals, grandTotal },
  };
};

describe('renderOrderConfirmation', () => {
  it.each([
    ['EUR', [2000, 5], 4495, ['20.00', '0.05'], '44.95'],
    ['JPY', [1200, 7], 1500, ['1200', '7'], '1500'],
    ['KWD', [1005, 5], 12345, ['1.005', '0.005'], '12.345'],
  ] as const)(
    'formats %s amounts with the currency’s decimals',
    (currency, lines, grand, texts, grandText) => {
      const email = renderOrderConfirmation(inCurrency(currency, [...lines], grand), now);
      expect(email.lines.map((l) => l.total)).toEqual(texts);
      expect(email.grandTotal).toBe(grandText);
      expect(email.currency).toBe(currency);
      expect(email.subject).toContain(`${grandText} ${currency}`);
    },
  );

  it('renders the order’s snapshot as a queued e-mail that its schema accepts', () => {
    const order = sampleOrder({ status: 'paid' });
    const email = renderOrderConfirmation(order, now);
    expect(orderConfirmationEmail.parse(email)).toEqual(email);
    expect(email).toMatchObject({
      to: 'ada@example.com',
      template: 'order-confirmation',
      orderId: order.id,
      status: 'queued',
      createdAt: now.toISOString(),
    });
    expect(email.lines).toEqual(
      order.lines.map((l) => ({
        title: `${l.productTitle} – ${l.title}`,
        quantity: l.quantity,
        total: expect.stringMatching(/^\d+\.\d{2}$/),
      })),
    );
  });

  it('names a line by whatever its snapshot has when titles are missing', () => {
    const order = sampleOrder();
    const [first, second] = order.lines;
    const email = renderOrderConfirmation(
      {
        ...order,
        lines: [
          { ...first!, productTitle: null },
          { ...second!, productTitle: null, title: null },
        ],
      },
      now,
    );
    expect(email.lines.map((l) => l.title)).toEqual([first!.title, second!.sku]);
  });

  it('refuses an order without an e-mail with a typed error', () => {
    const order = { ...sampleOrder(), email: null };
    const error = (() => {
      try {
        renderOrderConfirmation(order, now);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotificationUndeliverableError);
    expect(error).toMatchObject({ code: 'notification_email_missing', orderId: order.id });
  });
});
