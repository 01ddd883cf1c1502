import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeForm, type StripeParams } from './form.ts';

/**
 * The Stripe API version every request pins (`Stripe-Version`), so an account's default version moving
 * on never changes what these calls answer. The one the stripe-node release in package.json pins.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';

const STRIPE_API_URL = 'https://api.stripe.com';
const RETRY_DELAY_MS = { initial: 500, max: 5_000 };

/** How a client reaches Stripe: the key, where (the local Stripe in the local cloud), time and retries. */
export interface StripeApiOptions {
  readonly secretKey: string;
  /** Unset in AWS (Stripe itself); the local cloud's `STRIPE_API_URL`. */
  readonly apiUrl?: string | undefined;
  /** One attempt's limit. */
  readonly timeoutMs: number;
  /** Retries after the first attempt, on connection errors, 409 and 5xx, as Stripe's libraries do. */
  readonly maxNetworkRetries: number;
}

/** What Stripe answered when it refused a call, or `api_connection_error` when it did not answer. */
export class StripeCallError extends Error {
  override readonly name = 'StripeCallError';
  /** Stripe's error type (`card_error`, `invalid_request_error`, `api_error`, `idempotency_error`…). */
  readonly type: string;
  /** The HTTP status; undefined when no answer came. */
  readonly statusCode: number | undefined;
  readonly code: string | undefined;
  readonly declineCode: string | undefined;

  constructor(
    fields: { type: string; message: string; statusCode?: number; code?: string; declineCode?: string },
    options?: ErrorOptions,
  ) {
    super(fields.message, options);
    this.type = fields.type;
    this.statusCode = fields.statusCode;
    this.code = fields.code;
    this.declineCode = fields.declineCode;
  }
}

interface StripeErrorBody {
  error?: { type?: string; code?: string; decline_code?: string; message?: string };
}

/** Whether an attempt is worth another: Stripe's `Stripe-Should-Retry` first, then 409 and 5xx. */
const retryable = (response: Response | undefined): boolean => {
  if (!response) return true;
  const advice = response.headers.get('stripe-should-retry');
  if (advice === 'false') return false;
  if (advice === 'true') return true;
  return response.status === 409 || response.status >= 500;
};

/** Exponential backoff with jitter, never below the first delay (the official libraries' schedule). */
const backoffMs = (retry: number): number => {
  const base = Math.min(RETRY_DELAY_MS.initial * 2 ** (retry - 1), RETRY_DELAY_MS.max);
  return Math.max(RETRY_DELAY_MS.initial, base * 0.5 * (1 + Math.random()));
};

const refusal = async (response: Response): Promise<StripeCallError> => {
  const body = (await response.json().catch(() => ({}))) as StripeErrorBody;
  const error = body.error ?? {};
  return new StripeCallError({
    type: error.type ?? 'api_error',
    message: error.message ?? `Stripe answered ${response.status}`,
    statusCode: response.status,
    ...(error.code ? { code: error.code } : {}),
    ...(error.decline_code ? { declineCode: error.decline_code } : {}),
  });
};

/**
 * A Stripe REST client of the few calls this backend makes, on Node's own `fetch` (connections kept
 * alive between invocations). It replaces the official SDK in the functions because the SDK's bundle
 * (~260 KB minified, every resource of the API) was the largest part of their cold start, for four calls.
 * A POST always carries an Idempotency-Key (the caller's, else a fresh one per call, kept across its
 * retries), so a retry after a lost answer never repeats the effect.
 */
export const stripeApi = (options: StripeApiOptions) => {
  const base = (options.apiUrl ?? STRIPE_API_URL).replace(/\/$/, '');
  const headers = {
    authorization: `Bearer ${options.secretKey}`,
    'stripe-version': STRIPE_API_VERSION,
    accept: 'application/json',
    'user-agent': 'serverless-commerce',
  };

  const send = async <T>(method: 'GET' | 'POST', path: string, body?: string, idempotencyKey?: string) => {
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (response.ok) return (await response.json()) as T;
      } catch (error) {
        failure = error;
        response = undefined;
      }
      if (attempt >= options.maxNetworkRetries || !retryable(response)) {
        if (response) throw await refusal(response);
        throw new StripeCallError(
          {
            type: 'api_connection_error',
            message: `Stripe could not be reached: ${(failure as Error)?.message ?? 'no answer'}`,
          },
          { cause: failure },
        );
      }
      await response?.body?.cancel();
      await sleep(backoffMs(attempt + 1));
    }
  };

  return {
    get: <T>(path: string): Promise<T> => send<T>('GET', path),
    post: <T>(path: string, params: StripeParams = {}, idempotencyKey: string = randomUUID()): Promise<T> =>
      send<T>('POST', path, encodeForm(params), idempotencyKey),
  };
};
export type StripeApi = ReturnType<typeof stripeApi>;
