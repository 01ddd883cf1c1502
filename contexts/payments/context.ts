import type { ContextDef } from '#platform/definition/types.ts';
import { paymentKeyPrefixes } from './data/keys.ts';
import { paymentEvents } from './events.ts';
import { refundOperations } from './operations/refunds.ts';
import { webhookOperations } from './operations/webhooks.ts';

/** Stripe: the payment gateway adapter, signed webhooks, payment results and the saga’s resume (docs/payments.md). */
export const paymentsContext = {
  name: 'payments',
  description:
    'Stripe: the payment gateway adapter, signed webhooks, payment results and the saga’s resume (docs/payments.md).',
  keyPrefixes: paymentKeyPrefixes,
  events: paymentEvents,
  tags: [
    {
      name: 'payments',
      description: 'Payment provider callbacks (Stripe webhooks); card data never reaches the API',
    },
  ],
  functions: {
    stripeWebhook: {
      entry: 'contexts/payments/lambda/webhooks.ts',
      description:
        'Stripe webhook: verifies the signature, records each payment result once, resumes the saga',
      memoryMb: 256,
      // Stripe waits up to ~10 s for an answer: a secret read (cached), one transaction, one resume.
      timeoutSeconds: 10,
      uses: { table: 'readWrite', externalSecrets: ['stripe'], taskTokens: ['checkoutPayment'] },
      operations: webhookOperations,
      logAlarms: [
        {
          message: 'PaymentMismatch',
          description:
            'A payment succeeded that does not match its order (intent, amount or currency): it was refunded ' +
            'and recorded, the order was not completed. See GET /admin/orders/{id}/refunds and docs/payments.md.',
        },
        {
          message: 'PaymentMismatch refund refused',
          description:
            'Stripe refused to refund a payment that did not match its order: refund it by hand in the Stripe ' +
            'dashboard. See docs/payments.md.',
        },
      ],
    },
    paymentsAdmin: {
      entry: 'contexts/payments/lambda/admin.ts',
      description:
        'Admin: refunds of an order’s payment through Stripe, once per Idempotency-Key, and their list; retries refunds Stripe left requested',
      memoryMb: 256,
      // Two reads, one transaction, Stripe's answer (up to ~17 s with the SDK's two retries), one
      // transaction; API Gateway waits 30 s at most. A sweep run starts no attempt in its last 20 s.
      timeoutSeconds: 30,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
      operations: refundOperations,
    },
  },
  schedules: {
    // A rule serves only the functions of its own nested stack, so this one has a one-minute rule (with its
    // dead-letter queue and alarm) in Checkout; another one-minute schedule there would only add a target
    // and one Lambda permission to it (infra/schedules.ts).
    refundRetries: {
      description:
        'Retries refunds Stripe left requested (unreachable), with backoff; gives up after 8 attempts',
      rate: 'rate(1 minute)',
      function: 'paymentsAdmin',
    },
  },
} satisfies ContextDef;
