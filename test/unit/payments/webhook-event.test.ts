import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  InvalidSignatureError,
  paymentResultOf,
  verifyStripeEvent,
} from '#contexts/payments/stripe/webhook-event.ts';

const secret = 'whsec_unit_test_secret';
const now = Math.floor(Date.now() / 1000);

const event = (type: string, object: Record<string, unknown>, created = now) =>
  ({
    id: 'evt_1',
    object: 'event',
    type,
    created,
    api_version: Stripe.API_VERSION,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  }) as unknown as Stripe.Event;

const intent = (extra: Record<string, unknown> = {}) => ({
  id: 'pi_1',
  object: 'payment_intent',
  amount: 4200,
  currency: 'eur',
  metadata: { orderId: 'ord_1' },
  last_payment_error: null,
  ...extra,
});

const signed = (payload: string, timestamp = now, key = secret) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp });

describe('verifyStripeEvent', () => {
  const payload = JSON.stringify(event('payment_intent.succeeded', intent()));

  it('returns the event when Stripe signed this very body with our secret', () => {
    expect(verifyStripeEvent(payload, signed(payload), secret).id).toBe('evt_1');
  });

  it.each([
    ['no signature', () => undefined],
    ['another secret', () => signed(payload, now, 'whsec_someone_else')],
    ['a changed body', () => signed(payload.replace('4200', '1'))],
    ['a signature older than 5 minutes', () => signed(payload, now - 301)],
    ['a header without a timestamp', () => signed(payload).replace(/^t=\d+,/, '')],
    ['a header with only a v0 signature', () => signed(payload).replace('v1=', 'v0=')],
    ['a signature that is not hex', () => `t=${now},v1=zz`],
  ])('refuses %s with 400 invalid_signature', (_, header) => {
    const attempt = () => verifyStripeEvent(payload, header(), secret, now * 1000);
    expect(attempt).toThrow(InvalidSignatureError);
    expect(attempt).toThrow(expect.objectContaining({ statusCode: 400, code: 'invalid_signature' }));
  });

  it('accepts a header with several v1 signatures when one matches (Stripe signs with each secret while one rolls)', () => {
    const other = signed(payload, now, 'whsec_old_secret').split(',v1=')[1];
    expect(verifyStripeEvent(payload, `${signed(payload)},v1=${other}`, secret, now * 1000).id).toBe('evt_1');
  });

  it('accepts a signature within the 5-minute tolerance', () => {
    expect(verifyStripeEvent(payload, signed(payload, now - 290), secret, now * 1000).type).toBe(
      'payment_intent.succeeded',
    );
  });
});

describe('paymentResultOf', () => {
  const at = new Date('2030-01-01T00:00:00.000Z');

  it.each([
    ['payment_intent.succeeded', 'succeeded'],
    ['payment_intent.payment_failed', 'failed'],
    ['payment_intent.canceled', 'canceled'],
  ])('reads %s as outcome %s for the order in metadata.orderId', (type, outcome) => {
    expect(paymentResultOf(event(type, intent()), at)).toMatchObject({
      orderId: 'ord_1',
      outcome,
      paymentIntentId: 'pi_1',
      amount: 4200,
      currency: 'EUR',
      eventId: 'evt_1',
      eventType: type,
      eventCreated: now,
      recordedAt: at.toISOString(),
    });
  });

  it('keeps the decline of a failed payment', () => {
    const failed = intent({
      last_payment_error: { code: 'card_declined', decline_code: 'generic_decline', message: 'Declined.' },
    });
    expect(paymentResultOf(event('payment_intent.payment_failed', failed))?.failure).toEqual({
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Declined.',
    });
  });

  it('reads charge.refunded as refunded with the amount refunded so far', () => {
    const charge = {
      id: 'ch_1',
      object: 'charge',
      payment_intent: 'pi_1',
      amount: 4200,
      amount_refunded: 1000,
      currency: 'eur',
      metadata: { orderId: 'ord_1' },
    };
    expect(paymentResultOf(event('charge.refunded', charge))).toMatchObject({
      orderId: 'ord_1',
      outcome: 'refunded',
      paymentIntentId: 'pi_1',
      amountRefunded: 1000,
    });
  });

  it.each([
    ['another event type', event('payment_intent.requires_action', intent())],
    ['an intent not made for an order', event('payment_intent.succeeded', intent({ metadata: {} }))],
    [
      'an order id that is not ours',
      event('payment_intent.succeeded', intent({ metadata: { orderId: 'a b' } })),
    ],
  ])('ignores %s', (_, e) => {
    expect(paymentResultOf(e)).toBeUndefined();
  });
});
