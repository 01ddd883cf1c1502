import { AppError, UnprocessableError } from '#platform/errors/index.ts';
import type { CurrencyCode } from '#platform/money/currencies.ts';
import { formatDecimal } from '#platform/money/decimal.ts';

/**
 * The payment provider's errors as this backend names them. The saga branches on `name` (Step Functions
 * matches `errorType`): only `PaymentProviderUnavailableError` is worth a retry.
 */

/** 422 `payment_declined`: the card or bank said no; a business outcome, not a fault (Stripe answers 402). */
export class PaymentDeclinedError extends UnprocessableError {
  readonly declineCode?: string;
  constructor(detail: string, declineCode?: string, options?: { cause?: unknown }) {
    super(detail, 'payment_declined');
    if (options?.cause !== undefined) this.cause = options.cause;
    if (declineCode) this.declineCode = declineCode;
  }
}

/**
 * 503 `payment_provider_unavailable`: the provider could not be reached, timed out, rate-limited us or
 * failed on its side (Stripe 5xx, 429, connection errors). Transient: the same call may succeed later
 * (the SDK has already retried twice with backoff by then).
 */
export class PaymentProviderUnavailableError extends AppError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      { status: 503, code: 'payment_provider_unavailable', title: 'Payment provider unavailable', detail },
      options,
    );
  }
}

/**
 * 502 `payment_provider_error`: the provider refused a request it should have accepted (bad keys,
 * missing permission, invalid parameters, reused idempotency key): a defect or misconfiguration on our
 * side that a retry does not fix. `payment_provider_not_configured` when the keys are still placeholders.
 */
export class PaymentProviderError extends AppError {
  constructor(detail: string, code = 'payment_provider_error', options?: { cause?: unknown }) {
    super({ status: 502, code, title: 'Payment provider error', detail }, options);
  }
}

/** 404 `payment_intent_not_found`: the provider knows no such PaymentIntent. */
export class PaymentIntentNotFoundError extends AppError {
  constructor(paymentIntentId: string, options?: { cause?: unknown }) {
    super(
      {
        status: 404,
        code: 'payment_intent_not_found',
        title: 'Not found',
        detail: `No PaymentIntent ${paymentIntentId}`,
      },
      options,
    );
  }
}

/**
 * 409 `payment_already_succeeded`: the intent was paid, so it cannot be cancelled; the money is taken and
 * only a refund gives it back.
 */
export class PaymentAlreadySucceededError extends AppError {
  constructor(paymentIntentId: string) {
    super({
      status: 409,
      code: 'payment_already_succeeded',
      title: 'Conflict',
      detail: `PaymentIntent ${paymentIntentId} has succeeded and cannot be cancelled; refund it instead`,
    });
  }
}

/**
 * 422 `amount_too_small`: the total is above zero but below the provider's smallest charge in its
 * currency (Stripe: 0.50 USD/EUR, 0.30 GBP, …); nothing was written. Adding items makes it payable.
 */
export class AmountTooSmallError extends UnprocessableError {
  constructor(amount: number, minimum: number, currency: CurrencyCode) {
    super(
      `The total ${formatDecimal(amount, currency)} ${currency} is below the smallest card payment ` +
        `(${formatDecimal(minimum, currency)} ${currency}); nothing was reserved`,
      'amount_too_small',
    );
  }
}

/** 422 `amount_too_large`: the total is above the provider's largest charge; nothing was written. */
export class AmountTooLargeError extends UnprocessableError {
  constructor(amount: number, maximum: number, currency: CurrencyCode) {
    super(
      `The total ${formatDecimal(amount, currency)} ${currency} is above the largest card payment ` +
        `(${formatDecimal(maximum, currency)} ${currency}); split the order. Nothing was reserved`,
      'amount_too_large',
    );
  }
}
