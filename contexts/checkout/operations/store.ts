import { checkoutCart } from './start-checkout.ts';

/** The operations of the `startCheckout` function: only checkout, which waits on its workflow. */
export const storeOperations = [checkoutCart];
