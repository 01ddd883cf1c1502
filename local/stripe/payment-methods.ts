/** What a test card does when a PaymentIntent is confirmed with it. */
export type CardBehaviour =
  | { readonly kind: 'succeed' }
  | { readonly kind: 'decline'; readonly declineCode: string; readonly message: string }
  | { readonly kind: 'authenticate' };

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
};

/** The behaviour of a test PaymentMethod, or undefined when Stripe would not know the id. */
export const testPaymentMethod = (id: string): CardBehaviour | undefined =>
  Object.hasOwn(TEST_PAYMENT_METHODS, id) ? TEST_PAYMENT_METHODS[id] : undefined;
