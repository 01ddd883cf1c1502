import { describe, expect, it } from 'vitest';
import { encodeForm } from '#contexts/payments/stripe/form.ts';
import { parseForm } from '#local/stripe/form.ts';

describe('encodeForm', () => {
  it('writes nested objects in bracket notation and lists with indexes, as Stripe reads them', () => {
    const body = encodeForm({
      amount: 4999,
      currency: 'eur',
      allowed_payment_method_types: ['card'],
      metadata: { orderId: 'ord_1', refundId: 'ref 2&3' },
    });
    expect(body).toBe(
      'amount=4999&currency=eur&allowed_payment_method_types%5B0%5D=card' +
        '&metadata%5BorderId%5D=ord_1&metadata%5BrefundId%5D=ref+2%263',
    );
  });

  it('leaves out undefined values and sends null as empty (Stripe unsets the field)', () => {
    expect(encodeForm({ amount: undefined, description: null, capture: false })).toBe(
      'description=&capture=false',
    );
  });

  it("round-trips through the local Stripe's form reader, which reads forms as Stripe does", () => {
    const decoded = parseForm(encodeForm({ payment_intent: 'pi_1', metadata: { orderId: 'ord_9' } }));
    expect(decoded).toEqual({ payment_intent: 'pi_1', metadata: { orderId: 'ord_9' } });
  });
});
