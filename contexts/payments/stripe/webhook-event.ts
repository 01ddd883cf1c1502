import { createHmac, timingSafeEqual } from 'node:crypto';
import type Stripe from 'stripe';
import { z } from 'zod';
import { ValidationError } from '#platform/errors/index.ts';
import { paymentOrderId } from '../domain/gateway.ts';
import type { RefundUpdate } from '../domain/refunds.ts';
import type { PaymentOutcome, PaymentResult } from '../domain/result.ts';

/**
 * How old a signature may be (seconds): Stripe's default. A captured delivery replayed later than this
 * fails verification; within it, the event-id dedup makes the replay harmless.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** 400 `invalid_signature`: the body was not signed by Stripe with our webhook secret, or too long ago. */
export class InvalidSignatureError extends ValidationError {
  constructor(detail: string) {
    super(detail, undefined, 'invalid_signature');
  }
}

const SIGNATURE_SCHEME = 'v1';

/** The `t=` timestamp and every `v1=` signature of a `Stripe-Signature` header. */
const signatureParts = (header: string): { timestamp: number; signatures: string[] } => {
  const pairs = header.split(',').map((part) => part.split('=', 2) as [string, string | undefined]);
  const timestamp = Number(pairs.find(([key]) => key === 't')?.[1]);
  const signatures = pairs
    .filter(([key, value]) => key === SIGNATURE_SCHEME && value)
    .map(([, v]) => v as string);
  return { timestamp, signatures };
};

/**
 * The event in a webhook delivery, after checking its `Stripe-Signature` against the raw body as Stripe
 * documents it ("Verify the signature manually"): HMAC-SHA256 with the webhook secret over
 * `<timestamp>.<raw body>`, compared in constant time with each `v1` signature, the timestamp no older
 * than the tolerance. Done with `node:crypto` so the webhook's bundle does not load the Stripe SDK to
 * read a delivery. Nothing in an unverified body is trusted; `receivedAtMs` is for tests.
 */
export const verifyStripeEvent = (
  rawBody: string,
  signature: string | undefined,
  webhookSecret: string,
  receivedAtMs: number = Date.now(),
): Stripe.Event => {
  if (!signature) throw new InvalidSignatureError('The Stripe-Signature header is missing');
  const { timestamp, signatures } = signatureParts(signature);
  if (!Number.isInteger(timestamp) || signatures.length === 0)
    throw new InvalidSignatureError('The Stripe-Signature header carries no timestamp or v1 signature');
  const expected = createHmac('sha256', webhookSecret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches || Math.floor(receivedAtMs / 1000) - timestamp > WEBHOOK_TOLERANCE_SECONDS)
    throw new InvalidSignatureError('The Stripe-Signature does not match the body, or is too old');
  try {
    return JSON.parse(rawBody) as Stripe.Event;
  } catch {
    throw new InvalidSignatureError('The signed body is not a JSON event');
  }
};

// Only the fields read here, checked even though the signature vouches for them: the event's API version
// is the endpoint's, not necessarily the SDK's.
const metadata = z.record(z.string(), z.string()).nullish();
const intentObject = z.object({
  id: z.string().max(255),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  metadata,
  last_payment_error: z
    .object({
      code: z.string().max(100).nullish(),
      decline_code: z.string().max(100).nullish(),
      message: z.string().max(1000).nullish(),
    })
    .nullish(),
});
const chargeObject = z.object({
  payment_intent: z.string().max(255),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().length(3),
  metadata,
});

const INTENT_OUTCOMES: Readonly<Record<string, PaymentOutcome>> = {
  'payment_intent.succeeded': 'succeeded',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'canceled',
};

/** The order a payment object belongs to: `metadata.orderId`, set when the adapter created the intent. */
const orderIdOf = (meta: z.infer<typeof metadata>): string | undefined => {
  const parsed = paymentOrderId.safeParse(meta?.orderId);
  return parsed.success ? parsed.data : undefined;
};

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };

/**
 * The payment result an event reports, or undefined for events this backend does not act on (other
 * types, or payments not made for an order of ours, e.g. created in the Stripe dashboard).
 */
export const paymentResultOf = (event: Stripe.Event, now = new Date()): PaymentResult | undefined => {
  const base = {
    eventId: event.id,
    eventType: event.type,
    eventCreated: event.created,
    recordedAt: now.toISOString(),
  };
  const outcome = INTENT_OUTCOMES[event.type];
  if (outcome) {
    const intent = intentObject.parse(event.data.object);
    const orderId = orderIdOf(intent.metadata);
    if (!orderId) return undefined;
    const failure = intent.last_payment_error;
    return {
      ...base,
      orderId,
      outcome,
      paymentIntentId: intent.id,
      amount: intent.amount,
      currency: intent.currency.toUpperCase(),
      ...(outcome === 'failed' && failure
        ? {
            failure: defined({
              code: failure.code,
              declineCode: failure.decline_code,
              message: failure.message,
            }),
          }
        : {}),
    };
  }
  if (event.type !== 'charge.refunded') return undefined;
  const charge = chargeObject.parse(event.data.object);
  const orderId = orderIdOf(charge.metadata);
  if (!orderId) return undefined;
  return {
    ...base,
    orderId,
    outcome: 'refunded',
    paymentIntentId: charge.payment_intent,
    amount: charge.amount,
    currency: charge.currency.toUpperCase(),
    amountRefunded: charge.amount_refunded,
  };
};

const REFUND_EVENTS = new Set(['refund.updated', 'refund.failed', 'charge.refund.updated']);
const refundObject = z.object({
  id: z.string().max(255),
  status: z.string().max(40).nullish(),
  failure_reason: z.string().max(100).nullish(),
  metadata,
});

/**
 * The refund status an event reports, or undefined for other events and for refunds not made through
 * this backend's refund API (no `metadata.refundId`: made in the Stripe dashboard, or the checkout's own).
 */
export const refundUpdateOf = (event: Stripe.Event): RefundUpdate | undefined => {
  if (!REFUND_EVENTS.has(event.type)) return undefined;
  const refund = refundObject.parse(event.data.object);
  const orderId = orderIdOf(refund.metadata);
  const refundId = refund.metadata?.refundId;
  if (!orderId || !refundId || !refund.status) return undefined;
  return {
    orderId,
    refundId,
    providerRefundId: refund.id,
    status: refund.status,
    failureReason: refund.failure_reason ?? null,
  };
};
