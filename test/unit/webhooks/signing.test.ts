import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliveryIdOf } from '#contexts/webhooks/domain/delivery.ts';
import { newSigningSecret, signature, signedHeaders } from '#contexts/webhooks/domain/signing.ts';

describe('signing', () => {
  it('makes secrets of whsec_ and base64 of 32 random bytes, never the same twice', () => {
    const a = newSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(a);
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the Standard Webhooks specification's test vectors.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signature(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs "{id}.{timestamp}.{body}" with the secret’s decoded bytes, as a receiver checks it', () => {
    const secret = newSigningSecret();
    const body = JSON.stringify({
      type: 'OrderPlaced',
      id: 'e1',
      timestamp: '2026-01-01T00:00:00Z',
      data: {},
    });
    const headers = signedHeaders(secret, 'msg_1', body, new Date('2026-01-01T00:00:05Z'));
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe('1767225605');
    const expected = createHmac('sha256', Buffer.from(secret.split('_')[1] as string, 'base64'))
      .update(`msg_1.1767225605.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });
});

describe('deliveryIdOf', () => {
  it('names one delivery per subscription and event, the same every time', () => {
    const id = deliveryIdOf('wh_a', 'event-1');
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
    expect(deliveryIdOf('wh_a', 'event-1')).toBe(id);
    expect(deliveryIdOf('wh_b', 'event-1')).not.toBe(id);
    expect(deliveryIdOf('wh_a', 'event-2')).not.toBe(id);
  });
});
