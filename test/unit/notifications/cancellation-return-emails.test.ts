import { describe, expect, it } from 'vitest';
import { renderCancellationEmail } from '#contexts/notifications/domain/cancellation-email.ts';
import { messageOf, notificationEmail, refOf } from '#contexts/notifications/domain/emails.ts';
import { NotificationUndeliverableError } from '#contexts/notifications/domain/errors.ts';
import { notificationIdOf } from '#contexts/notifications/domain/notification.ts';
import { renderReturnReceivedEmail } from '#contexts/notifications/domain/return-received-email.ts';
import { sampleOrder } from '../../support/orders.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const order = sampleOrder({ status: 'canceled' });
const canceled = (refunded: number) => ({
  orderId: order.id,
  customerId: order.customerId,
  by: 'admin' as const,
  reason: 'chargeback <risk>',
  refunded,
  currency: 'EUR' as const,
  canceledAt: now.toISOString(),
});
const received = (refundAmount: number, lineId = order.lines[0]!.id) => ({
  returnId: 'ret_Ab-1',
  orderId: order.id,
  lines: [{ lineId, quantity: 2, condition: 'discard' as const, locationId: null }],
  refundAmount,
});

describe('renderCancellationEmail / cancellation message', () => {
  it('renders a queued cancellation e-mail its schema accepts, one per order', () => {
    const email = renderCancellationEmail(order, canceled(2490), now);
    expect(notificationEmail.parse(email)).toEqual(email);
    expect(email).toMatchObject({
      to: order.email,
      template: 'cancellation',
      refunded: '24.90',
      status: 'queued',
    });
    expect(email.subject).toContain('is canceled');
    expect(notificationIdOf(refOf(email))).toBe('cancellation');
  });

  it('says what was refunded, and never the back office’s reason', () => {
    const { text, html } = messageOf(renderCancellationEmail(order, canceled(2490), now));
    expect(text).toContain('We refunded 24.90 EUR');
    expect(html).toContain('24.90 EUR');
    for (const body of [text, html]) {
      expect(body).not.toContain('chargeback');
      expect(body).not.toContain('risk');
    }
  });

  it('announces no refund when none was made by the cancellation', () => {
    const { text } = messageOf(renderCancellationEmail(order, canceled(0), now));
    expect(text).toContain('is canceled');
    expect(text).not.toContain('refunded');
  });
});

describe('renderReturnReceivedEmail / return-received message', () => {
  it('names the returned lines as the order did and the refund in its currency, one per return', () => {
    const email = renderReturnReceivedEmail(order, received(1000), now);
    expect(notificationEmail.parse(email)).toEqual(email);
    expect(email).toMatchObject({ template: 'return-received', returnId: 'ret_Ab-1', refundAmount: '10.00' });
    expect(email.lines).toEqual([{ title: 'Mug – Size a', quantity: 2 }]);
    expect(notificationIdOf(refOf(email))).toBe('return-received-ret_Ab-1');
    const { text, html } = messageOf(email);
    expect(text).toContain('2 × Mug – Size a');
    expect(text).toContain('10.00 EUR');
    expect(html).toContain('10.00 EUR');
    // Restocked or discarded is the warehouse's business.
    expect(text).not.toContain('discard');
  });

  it('says a return refunds nothing when it does not, and shows an unknown line by its id, escaped', () => {
    const { text, html } = messageOf(renderReturnReceivedEmail(order, received(0, '<line>'), now));
    expect(text).toContain('not refunded');
    expect(text).toContain('2 × <line>');
    expect(html).toContain('2 × &lt;line&gt;');
    expect(html).not.toContain('<line>');
  });

  it('refuses to render either e-mail for an order without an address', () => {
    const noEmail = { ...order, email: null };
    expect(() => renderCancellationEmail(noEmail, canceled(1), now)).toThrow(NotificationUndeliverableError);
    expect(() => renderReturnReceivedEmail(noEmail, received(1), now)).toThrow(
      NotificationUndeliverableError,
    );
  });
});
