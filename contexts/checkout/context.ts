import type { ContextDef } from '#platform/definition/types.ts';
import { storeOperations } from './operations/store.ts';

/** How long a checkout waits for its payment before it expires (15 minutes; the local cloud shortens it). */
const PAYMENT_TIMEOUT_SECONDS = '900';

/** Checkout: the synchronous placing workflow and each order’s payment saga with its compensations (docs/checkout.md). */
export const checkoutContext = {
  name: 'checkout',
  description:
    'Checkout: the synchronous placing workflow and each order’s payment saga with its compensations (docs/checkout.md).',
  keyPrefixes: [],
  tags: [
    {
      name: 'checkout',
      description: 'Checkout: a cart becomes an order, its stock held, paid through Stripe.js (SAQ-A)',
    },
  ],
  functions: {
    startCheckout: {
      entry: 'contexts/checkout/lambda/store.ts',
      description:
        'Store: checks a cart out (synchronous checkout workflow); answers the order and its PaymentIntent',
      memoryMb: 512,
      // The workflow: reprice + one transaction, start the saga, one Stripe call (retried on outage).
      timeoutSeconds: 29,
      // Only the workflow: the steps it runs hold the table, the secrets and Stripe.
      uses: { stateMachines: ['checkout'] },
      operations: storeOperations,
    },
    checkoutPlaceOrder: {
      // Not routed: a step of the `checkout` workflow.
      entry: 'contexts/checkout/lambda/place-order.ts',
      description:
        'Checkout step: reprice, then stock, order, promotion usage and cart close in one transaction',
      memoryMb: 1024,
      timeoutSeconds: 15,
      uses: { table: 'readWrite', secrets: ['orderTokenKey'] },
      // Sizes the stock hold (the wait plus 10 minutes); the same value as the saga's wait below.
      environment: { CHECKOUT_PAYMENT_TIMEOUT_SECONDS: PAYMENT_TIMEOUT_SECONDS },
    },
    checkoutOpenPayment: {
      entry: 'contexts/checkout/lambda/open-payment.ts',
      description: 'Checkout step: creates (once) or reads the order’s Stripe PaymentIntent',
      memoryMb: 512,
      timeoutSeconds: 15,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
    },
    checkoutAwaitPayment: {
      entry: 'contexts/checkout/lambda/await-payment.ts',
      description: 'Payment saga: stores its task token, resumes itself if the payment result came first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite', taskTokens: ['checkoutPayment'] },
    },
    checkoutCompleteOrder: {
      entry: 'contexts/checkout/lambda/complete-order.ts',
      description: 'Payment saga: sells the held stock, marks the order paid, OrderPlaced (one transaction)',
      memoryMb: 512,
      timeoutSeconds: 15,
      uses: { table: 'readWrite' },
    },
    checkoutRelease: {
      entry: 'contexts/checkout/lambda/release-checkout.ts',
      description:
        'Checkout compensation: cancels or refunds the payment, releases stock and promotion usage',
      memoryMb: 512,
      timeoutSeconds: 20,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
    },
  },
  stateMachines: {
    checkout: {
      description:
        'Checkout, run synchronously per request: place the order, start its payment saga, open the PaymentIntent',
      definitionFile: 'contexts/checkout/workflow/checkout.asl.json',
      type: 'EXPRESS',
      // Its input carries the cart token and its output the PaymentIntent's client secret: it must never
      // opt in to logging execution data (the default keeps it out).
      substitutions: {
        PlaceOrderFunctionArn: { function: 'checkoutPlaceOrder' },
        OpenPaymentFunctionArn: { function: 'checkoutOpenPayment' },
        ReleaseCheckoutFunctionArn: { function: 'checkoutRelease' },
        CheckoutPaymentStateMachineArn: { stateMachine: 'checkoutPayment' },
      },
    },
    checkoutPayment: {
      description:
        'One order’s payment saga: waits for Stripe, then completes the order or gives everything back',
      definitionFile: 'contexts/checkout/workflow/checkout-payment.asl.json',
      type: 'STANDARD',
      // Its tasks carry the task token Stripe's verdict resumes it with: never opt in to logging its data.
      substitutions: {
        AwaitPaymentFunctionArn: { function: 'checkoutAwaitPayment' },
        CompleteOrderFunctionArn: { function: 'checkoutCompleteOrder' },
        ReleaseCheckoutFunctionArn: { function: 'checkoutRelease' },
        PaymentTimeoutSeconds: { literal: PAYMENT_TIMEOUT_SECONDS },
      },
    },
  },
} satisfies ContextDef;
