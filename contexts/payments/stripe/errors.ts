import Stripe from 'stripe';
import {
  PaymentDeclinedError,
  PaymentIntentNotFoundError,
  PaymentProviderError,
  PaymentProviderUnavailableError,
} from '../domain/errors.ts';

const { errors } = Stripe;

/**
 * Converts an error of the Stripe SDK into this backend's typed payment errors, where it enters (the
 * adapter's calls). Stripe's message goes into `detail` only for declines (written for the shopper);
 * otherwise the detail names the Stripe error type and code, and the original is kept as `cause`.
 * Anything that is not a Stripe error is returned unchanged.
 */
export const toPaymentError = (error: unknown, paymentIntentId?: string): unknown => {
  if (!(error instanceof errors.StripeError)) return error;
  const cause = { cause: error };
  const what = `Stripe ${error.type}${error.code ? ` (${error.code})` : ''}`;
  if (error instanceof errors.StripeCardError)
    return new PaymentDeclinedError(error.message, error.decline_code ?? error.code, cause);
  if (
    error instanceof errors.StripeConnectionError ||
    error instanceof errors.StripeAPIError ||
    error instanceof errors.StripeRateLimitError ||
    (error.statusCode ?? 0) >= 500
  )
    return new PaymentProviderUnavailableError(`${what}: the payment provider is not answering`, cause);
  if (
    error instanceof errors.StripeInvalidRequestError &&
    error.code === 'resource_missing' &&
    paymentIntentId
  )
    return new PaymentIntentNotFoundError(paymentIntentId, cause);
  // Authentication, permission, idempotency and invalid-request errors: our keys or our call are wrong.
  return new PaymentProviderError(
    `${what}: the payment provider refused the request`,
    'payment_provider_error',
    cause,
  );
};
