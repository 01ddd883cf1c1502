export type { StripeKeys } from './ids.ts';
export type { ChargeObject, EventObject, PaymentIntentObject, RefundObject } from './objects.ts';
export { TEST_PAYMENT_METHODS } from './payment-methods.ts';
export { type LocalStripe, type StripeOptions, start } from './server.ts';
export type { Delivery } from './webhooks.ts';
