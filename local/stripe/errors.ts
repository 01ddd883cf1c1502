/** Stripe's error types as its API names them (the SDK picks its error class from type and status). */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  readonly type: StripeErrorType;
  readonly message: string;
  readonly code?: string;
  readonly decline_code?: string;
  readonly param?: string;
  readonly doc_url?: string;
  /** Card errors carry the objects they concern, as Stripe's do. */
  readonly payment_intent?: unknown;
  readonly charge?: string;
}

/**
 * An error the local Stripe answers with `{ error: body }`. `validation` marks errors raised before
 * the endpoint began executing: Stripe does not save those under an idempotency key.
 */
export class StripeApiError extends Error {
  readonly statusCode: number;
  readonly body: StripeErrorBody;
  readonly validation: boolean;

  constructor(statusCode: number, body: StripeErrorBody, validation = false) {
    super(body.message);
    this.name = 'StripeApiError';
    this.statusCode = statusCode;
    this.body = body;
    this.validation = validation;
  }
}

const docUrl = (code: string) => `https://docs.stripe.com/error-codes/${code.replaceAll('_', '-')}`;

/** 400 invalid_request_error with a code when Stripe gives one (and the param it concerns). */
export const invalidRequest = (
  code: string | undefined,
  message: string,
  param?: string,
  validation = false,
) =>
  new StripeApiError(
    400,
    {
      type: 'invalid_request_error',
      message,
      ...(code ? { code, doc_url: docUrl(code) } : {}),
      ...(param ? { param } : {}),
    },
    validation,
  );

/** 404 for an object that does not exist, worded as Stripe words it. */
export const noSuch = (kind: string, id: string, param: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
    doc_url: docUrl('resource_missing'),
  });

/** 401: no key, an unknown key, or a publishable key where only a secret key will do. */
export const unauthorized = (message: string, code?: string) =>
  new StripeApiError(401, { type: 'invalid_request_error', message, ...(code ? { code } : {}) }, true);

/** 400 payment_intent_unexpected_state: the transition is not allowed from the current status. */
export const unexpectedState = (message: string) =>
  invalidRequest('payment_intent_unexpected_state', message);
