import {
  PaymentDeclinedError,
  PaymentIntentNotFoundError,
  PaymentProviderError,
  PaymentProviderUnavailableError,
} from '../domain/errors.ts';
import { StripeCallError } from './api.ts';

/** Stripe's answers that say "not now": rate limited (429), or the API failing (5xx, `api_error`). */
const isTransient = (error: StripeCallError) =>
  error.statusCode === undefined ||
  error.statusCode === 429 ||
  error.statusCode >= 500 ||
  error.type === 'api_error';

/**
 * Converts a refusal of Stripe's API (or no answer) into this backend's typed payment errors, where it
 * enters (the adapter's calls). Stripe's message goes into `detail` only for declines (written for the
 * shopper); otherwise the detail names the Stripe error type and code, and the original is kept as
 * `cause`. Anything that is not a Stripe call's error is returned unchanged.
 */
export const toPaymentError = (error: unknown, paymentIntentId?: string): unknown => {
  if (!(error instanceof StripeCallError)) return error;
  const cause = { cause: error };
  const what = `Stripe ${error.type}${error.code ? ` (${error.code})` : ''}`;
  if (error.type === 'card_error')
    return new PaymentDeclinedError(error.message, error.declineCode ?? error.code, cause);
  if (isTransient(error))
    return new PaymentProviderUnavailableError(`${what}: the payment provider is not answering`, cause);
  if (error.type === 'invalid_request_error' && error.code === 'resource_missing' && paymentIntentId)
    return new PaymentIntentNotFoundError(paymentIntentId, cause);
  // Authentication, permission, idempotency and invalid-request errors: our keys or our call are wrong.
  return new PaymentProviderError(
    `${what}: the payment provider refused the request`,
    'payment_provider_error',
    cause,
  );
};
