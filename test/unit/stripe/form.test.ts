import { describe, expect, it } from 'vitest';
import { StripeApiError } from '#local/stripe/errors.ts';
import { parseForm } from '#local/stripe/form.ts';
import { createIntentParams, parseParams } from '#local/stripe/params.ts';

describe('the local Stripe form decoding', () => {
  it('nests bracket notation as stripe-node sends it', () => {
    expect(
      parseForm(
        'amount=100&metadata[orderId]=o%201&payment_method_types[0]=card&automatic_payment_methods[enabled]=true',
      ),
    ).toEqual({
      amount: '100',
      metadata: { orderId: 'o 1' },
      payment_method_types: { '0': 'card' },
      automatic_payment_methods: { enabled: 'true' },
    });
  });

  it('reads Stripe.js style lists and percent-encoded brackets', () => {
    expect(parseForm('payment_method_types[]=card&metadata%5Bk%5D=v')).toEqual({
      payment_method_types: ['card'],
      metadata: { k: 'v' },
    });
  });

  it.each(['a[b', 'a=1&a[b]=2', 'a=1&a=2', '__proto__[x]=1', 'a[b][c][d][e][f]=1'])('rejects %s', (body) => {
    expect(() => parseForm(body)).toThrow(StripeApiError);
  });

  it('turns decoded params into typed create params', () => {
    const form = parseForm('amount=2599&currency=EUR&metadata[orderId]=o1&payment_method_types[0]=card');
    expect(parseParams(createIntentParams, form)).toEqual({
      amount: 2599,
      currency: 'eur',
      metadata: { orderId: 'o1' },
      payment_method_types: ['card'],
    });
  });

  it.each([
    ['amount=12.5&currency=eur', 'parameter_invalid_integer', 'amount'],
    ['amount=&currency=eur', 'parameter_invalid_empty', 'amount'],
    ['amount=100&currency=eur&metadata[x]=1&extra=1', 'parameter_unknown', 'extra'],
    [
      'amount=100&currency=eur&automatic_payment_methods[enabled]=true&automatic_payment_methods[foo]=1',
      'parameter_unknown',
      'automatic_payment_methods[foo]',
    ],
    ['amount=100000000&currency=eur', 'amount_too_large', 'amount'],
  ])('reports %s as %s on %s', (body, code, param) => {
    try {
      parseParams(createIntentParams, parseForm(body));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StripeApiError);
      expect((error as StripeApiError).body).toMatchObject({ code, param });
    }
  });
});
