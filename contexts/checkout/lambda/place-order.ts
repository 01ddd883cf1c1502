import { checkoutServices } from '#contexts/checkout/wiring.ts';
import { checkoutInput, refusalOf } from '#contexts/checkout/workflow/inputs.ts';
import { placeOrder } from '#contexts/checkout/workflow/place.ts';
import { requireEnv } from '#platform/config/env.ts';

const deps = checkoutServices(requireEnv('TABLE_NAME'));
const tokenSecret = requireEnv('SECRET_ORDER_TOKEN_KEY');
const paymentTimeoutSeconds = Number(requireEnv('CHECKOUT_PAYMENT_TIMEOUT_SECONDS'));
/** The hold outlasts the payment wait, so the saga always settles the stock before the sweep could. */
const HOLD_MARGIN_SECONDS = 10 * 60;

/**
 * Checkout step 1 (`checkout` workflow): reprice the cart, then hold the stock, create the order,
 * redeem the promotions and close the cart in one transaction. Business refusals are its answer.
 */
export const handler = async (event: unknown) => {
  const input = checkoutInput.parse(event);
  try {
    const placed = await placeOrder(
      { ...deps, tokenSecret, holdSeconds: paymentTimeoutSeconds + HOLD_MARGIN_SECONDS },
      {
        cartId: input.cartId,
        caller: input.caller,
        orderId: input.orderId,
        ...(input.customerEmail ? { customerEmail: input.customerEmail } : {}),
      },
    );
    return {
      orderId: placed.order.id,
      orderToken: placed.orderToken,
      replayed: placed.replayed,
      priceChanges: placed.priceChanges,
    };
  } catch (error) {
    return refusalOf(error);
  }
};
