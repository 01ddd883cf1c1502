/** Where a refund ends when Stripe settles it some time after creating it. */
export type RefundSettlement =
  | { readonly status: 'succeeded' }
  | { readonly status: 'failed'; readonly failureReason: string };

/** How Stripe's test mode treats refunds of a card's charges: their status at creation, and how they end later. */
export interface RefundCourse {
  readonly created: 'succeeded' | 'pending';
  readonly later?: RefundSettlement;
}

/** What a test card does when a PaymentIntent is confirmed with it, and (if unusual) to its refunds. */
export type CardBehaviour = (
  | { readonly kind: 'succeed' }
  | { readonly kind: 'decline'; readonly declineCode: string; readonly message: string }
  | { readonly kind: 'authenticate' }
) & { readonly refunds?: RefundCourse };

/** A card refund as most test cards have it: succeeded at once, for good. */
export const IMMEDIATE_REFUND: RefundCourse = { created: 'succeeded' };

/**
 * Stripe's test PaymentMethod tokens (https://docs.stripe.com/testing) that the local Stripe knows.
 * Real Stripe turns a token into a new `pm_…` on use; here the intent keeps the token itself.
 */
export const TEST_PAYMENT_METHODS: Readonly<Record<string, CardBehaviour>> = {
  pm_card_visa: { kind: 'succeed' },
  pm_card_mastercard: { kind: 'succeed' },
  pm_card_chargeDeclined: {
    kind: 'decline',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    kind: 'decline',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  // 3-D Secure is required on every payment with this card.
  pm_card_authenticationRequired: { kind: 'authenticate' },
  // Card 4000000000005126: the charge succeeds; a refund "appears to be successful at first", then
  // fails asynchronously with failure_reason expired_or_canceled_card (Stripe's testing docs).
  pm_card_refundFail: {
    kind: 'succeed',
    refunds: { created: 'succeeded', later: { status: 'failed', failureReason: 'expired_or_canceled_card' } },
  },
  // The charge succeeds; a refund begins `pending` and succeeds some time later.
  pm_card_pendingRefund: {
    kind: 'succeed',
    refunds: { created: 'pending', later: { status: 'succeeded' } },
  },
};

/** The behaviour of a test PaymentMethod, or undefined when Stripe would not know the id. */
export const testPaymentMethod = (id: string): CardBehaviour | undefined =>
  Object.hasOwn(TEST_PAYMENT_METHODS, id) ? TEST_PAYMENT_METHODS[id] : undefined;

/** How refunds of a charge paid with this method go. */
export const refundCourse = (paymentMethod: string | null): RefundCourse =>
  (paymentMethod === null ? undefined : testPaymentMethod(paymentMethod)?.refunds) ?? IMMEDIATE_REFUND;
