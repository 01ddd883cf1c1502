import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { PAYMENT_TIMEOUT, paymentTimeoutOf, withPaymentTimeout } from '#local/payment-timeout.ts';

describe('the checkout payment timeout, stated twice in the definition', () => {
  it('is 15 minutes in the definition, for the saga’s wait and the route that sizes the stock hold', () => {
    expect(paymentTimeoutOf(app)).toBe(900);
    expect(app.functions.checkoutPlaceOrder?.environment?.[PAYMENT_TIMEOUT.environment]).toBe('900');
  });

  it('is shortened locally in both places at once, leaving everything else as it is', () => {
    const local = withPaymentTimeout(app, 20);
    expect(paymentTimeoutOf(local)).toBe(20);
    expect(local.functions.checkoutPlaceOrder?.environment?.[PAYMENT_TIMEOUT.environment]).toBe('20');
    expect(local.functions.ordersStore).toBe(app.functions.ordersStore);
    expect(app.functions.ordersStore).toBeDefined();
    expect(local.stateMachines.checkout).toBe(app.stateMachines.checkout);
  });

  it('refuses a definition that no longer states it in both places', () => {
    const { checkoutPayment: _saga, ...machines } = app.stateMachines;
    expect(() => withPaymentTimeout({ ...app, stateMachines: machines }, 20)).toThrow(
      /PaymentTimeoutSeconds/,
    );
  });
});
