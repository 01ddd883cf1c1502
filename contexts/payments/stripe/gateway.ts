import type Stripe from 'stripe';
import { PaymentAlreadySucceededError, PaymentProviderError } from '../domain/errors.ts';
import {
  type CreateIntentInput,
  createIntentInput,
  type IntentStatus,
  paymentIntentId as intentIdSchema,
  intentStatus,
  type PaymentGateway,
  type PaymentIntentView,
  type RefundInput,
  type RefundView,
  refundInput,
} from '../domain/gateway.ts';
import { stripeIdempotencyKey } from '../domain/idempotency.ts';
import { type StripeApi, StripeCallError, stripeApi } from './api.ts';
import { toPaymentError } from './errors.ts';
import type { StripeKeys } from './keys.ts';

/**
 * One attempt's time limit. With 2 retries (exponential backoff from 0.5 s, on connection errors, 409 lock
 * timeouts and 5xx, each retry with the same idempotency key) a call gives up after ~17 s at worst: well
 * inside a saga task's timeout.
 */
export const STRIPE_TIMEOUT_MS = 5_000;
export const STRIPE_MAX_NETWORK_RETRIES = 2;

/**
 * The Stripe client for these keys. `apiUrl` overrides Stripe's endpoint, like `AWS_ENDPOINT_URL_*` does
 * for AWS services: only the local cloud sets `STRIPE_API_URL` (its local Stripe); in AWS it is unset.
 */
export const stripeClient = (keys: StripeKeys, apiUrl = process.env.STRIPE_API_URL): StripeApi =>
  stripeApi({
    secretKey: keys.secretKey,
    apiUrl,
    timeoutMs: STRIPE_TIMEOUT_MS,
    maxNetworkRetries: STRIPE_MAX_NETWORK_RETRIES,
  });

const view = (intent: Stripe.PaymentIntent): PaymentIntentView => {
  const error = intent.last_payment_error;
  const status: IntentStatus = intentStatus.parse(intent.status);
  if (!intent.client_secret)
    throw new PaymentProviderError(`PaymentIntent ${intent.id} has no client secret`);
  return {
    paymentIntentId: intent.id,
    clientSecret: intent.client_secret,
    status,
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    ...(intent.metadata?.orderId ? { orderId: intent.metadata.orderId } : {}),
    ...(error
      ? {
          lastError: {
            ...(error.code ? { code: error.code } : {}),
            ...(error.decline_code ? { declineCode: error.decline_code } : {}),
            ...(error.message ? { message: error.message } : {}),
          },
        }
      : {}),
  };
};

/** Runs one SDK call, converting its errors into typed payment errors where they enter. */
const call = async <T>(run: () => Promise<T>, paymentIntentId?: string): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw toPaymentError(error, paymentIntentId);
  }
};

const isUnexpectedState = (error: unknown): boolean =>
  error instanceof StripeCallError &&
  error.type === 'invalid_request_error' &&
  error.code === 'payment_intent_unexpected_state';

/** The Stripe adapter of the payment port: PaymentIntents and Refunds through Stripe's REST API. */
export const stripeGateway = (stripe: StripeApi): PaymentGateway => {
  const retrieveIntent = async (id: string): Promise<PaymentIntentView> => {
    const paymentIntentId = intentIdSchema.parse(id);
    return view(
      await call(
        () => stripe.get<Stripe.PaymentIntent>(`/v1/payment_intents/${paymentIntentId}`),
        paymentIntentId,
      ),
    );
  };

  return {
    createIntent: async (input: CreateIntentInput) => {
      const { orderId, amount, currency } = createIntentInput.parse(input);
      const intent = await call(() =>
        stripe.post<Stripe.PaymentIntent>(
          '/v1/payment_intents',
          {
            amount,
            currency: currency.toLowerCase(),
            // Cards only, confirmed by Stripe.js in the browser: no redirect methods to return from.
            allowed_payment_method_types: ['card'],
            description: `Order ${orderId}`,
            // The webhook finds the order by this; it is the only metadata Stripe holds about the order.
            metadata: { orderId },
          },
          stripeIdempotencyKey(orderId, 'create'),
        ),
      );
      return view(intent);
    },

    retrieveIntent,

    cancelIntent: async (id: string) => {
      const paymentIntentId = intentIdSchema.parse(id);
      try {
        return view(await stripe.post<Stripe.PaymentIntent>(`/v1/payment_intents/${paymentIntentId}/cancel`));
      } catch (error) {
        // Stripe refuses to cancel an intent that is not cancelable; which state it is in decides.
        if (!isUnexpectedState(error)) throw toPaymentError(error, paymentIntentId);
        const current = await retrieveIntent(paymentIntentId);
        if (current.status === 'canceled') return current;
        if (current.status === 'succeeded') throw new PaymentAlreadySucceededError(paymentIntentId);
        throw toPaymentError(error, paymentIntentId);
      }
    },

    refund: async (input: RefundInput): Promise<RefundView> => {
      const { orderId, paymentIntentId, amount, refundKey } = refundInput.parse(input);
      const refund = await call(
        () =>
          stripe.post<Stripe.Refund>(
            '/v1/refunds',
            {
              payment_intent: paymentIntentId,
              ...(amount === undefined ? {} : { amount }),
              // The webhook finds the refund's record by these when Stripe reports a later status.
              metadata: { orderId, refundId: refundKey },
            },
            stripeIdempotencyKey(orderId, `refund:${refundKey}`),
          ),
        paymentIntentId,
      );
      return { refundId: refund.id, status: refund.status ?? 'pending', amount: refund.amount };
    },
  };
};
