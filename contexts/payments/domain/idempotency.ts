/** What the backend asks Stripe to do for an order, each at most once. */
export type PaymentAction = 'create' | 'cancel' | `refund:${string}`;

// Stripe accepts idempotency keys of up to 255 characters.
const MAX_KEY_LENGTH = 255;

/**
 * The Stripe idempotency key of an action on an order (`order:<orderId>:create`). Derived from the
 * order, never random: a retried saga step sends the same key, and Stripe answers the first request's
 * result instead of creating a second PaymentIntent (for 24 hours, far longer than a checkout lasts).
 */
export const stripeIdempotencyKey = (orderId: string, action: PaymentAction): string => {
  if (orderId.length === 0 || orderId.includes(':')) throw new Error(`Not an order id: "${orderId}"`);
  const key = `order:${orderId}:${action}`;
  if (key.length > MAX_KEY_LENGTH)
    throw new Error(`Idempotency key longer than ${MAX_KEY_LENGTH} characters`);
  return key;
};
