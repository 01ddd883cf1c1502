import { describe, expect, it } from 'vitest';
import {
  PaymentDeclinedError,
  PaymentIntentNotFoundError,
  PaymentProviderError,
  PaymentProviderUnavailableError,
} from '#contexts/payments/domain/errors.ts';
import { StripeCallError } from '#contexts/payments/stripe/api.ts';
import { toPaymentError } from '#contexts/payments/stripe/errors.ts';
import type { AppError } from '#platform/errors/index.ts';

/** A refusal as Stripe's API answers it (status and error body), or no answer. */
const refused = (fields: ConstructorParameters<typeof StripeCallError>[0]) => new StripeCallError(fields);

describe('toPaymentError', () => {
  it('turns a card decline into 422 payment_declined with the decline code and the shopper message', () => {
    const stripeError = refused({
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      statusCode: 402,
    });
    const error = toPaymentError(stripeError) as PaymentDeclinedError;
    expect(error).toBeInstanceOf(PaymentDeclinedError);
    expect(error).toMatchObject({
      statusCode: 422,
      code: 'payment_declined',
      declineCode: 'insufficient_funds',
    });
    expect(error.message).toBe('Your card has insufficient funds.');
    expect(error.cause).toBe(stripeError);
  });

  it.each([
    ['a connection failure', refused({ type: 'api_connection_error', message: 'socket hang up' })],
    ['an API error', refused({ type: 'api_error', message: 'boom', statusCode: 500 })],
    ['a rate limit', refused({ type: 'invalid_request_error', message: 'Too many', statusCode: 429 })],
    ['any 5xx', refused({ type: 'invalid_request_error', message: 'Unavailable', statusCode: 503 })],
  ])('turns %s into 503 payment_provider_unavailable (worth a retry)', (_, stripeError) => {
    const error = toPaymentError(stripeError);
    expect(error).toBeInstanceOf(PaymentProviderUnavailableError);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'payment_provider_unavailable',
      name: 'PaymentProviderUnavailableError',
    });
  });

  it.each([
    ['bad keys', refused({ type: 'invalid_request_error', message: 'Invalid API Key', statusCode: 401 })],
    [
      'a missing permission',
      refused({ type: 'invalid_request_error', message: 'Not allowed', statusCode: 403 }),
    ],
    [
      'a reused idempotency key',
      refused({ type: 'idempotency_error', statusCode: 400, message: 'Keys for…' }),
    ],
    [
      'an invalid parameter',
      refused({
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        message: 'Received unknown parameter: x',
        statusCode: 400,
      }),
    ],
  ])('turns %s into 502 payment_provider_error (not worth a retry) without echoing Stripe', (_, e) => {
    const error = toPaymentError(e) as AppError;
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({ statusCode: 502, code: 'payment_provider_error' });
    expect(error.message).not.toContain('Received unknown parameter');
  });

  it('turns resource_missing on an intent into 404 payment_intent_not_found', () => {
    const stripeError = refused({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_x'",
      statusCode: 404,
    });
    const error = toPaymentError(stripeError, 'pi_x');
    expect(error).toBeInstanceOf(PaymentIntentNotFoundError);
    expect(error).toMatchObject({ statusCode: 404, code: 'payment_intent_not_found' });
  });

  it('returns anything that is not a Stripe error unchanged', () => {
    const other = new TypeError('not stripe');
    expect(toPaymentError(other)).toBe(other);
  });
});
