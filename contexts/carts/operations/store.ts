import { addCartItem } from './add-item.ts';
import { addCartPromotion } from './add-promotion.ts';
import { claimCart } from './claim-cart.ts';
import { createCart } from './create-cart.ts';
import { getCart } from './get-cart.ts';
import { listCartShippingOptions } from './list-shipping-options.ts';
import { removeCartItem } from './remove-item.ts';
import { removeCartPromotion } from './remove-promotion.ts';
import { setCartEmail } from './set-email.ts';
import { setCartShippingAddress } from './set-shipping-address.ts';
import { setCartShippingMethod } from './set-shipping-method.ts';
import { updateCartItem } from './update-item.ts';

/** The operations of the `carts` function: a shopper's cart, from its creation to a claim (not checkout). */
export const storeOperations = [
  createCart,
  getCart,
  addCartItem,
  updateCartItem,
  removeCartItem,
  setCartEmail,
  setCartShippingAddress,
  listCartShippingOptions,
  setCartShippingMethod,
  addCartPromotion,
  removeCartPromotion,
  claimCart,
];
