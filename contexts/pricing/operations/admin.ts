import { createPromotion } from './create-promotion.ts';
import { createShippingOption } from './create-shipping-option.ts';
import { deletePromotion } from './delete-promotion.ts';
import { deleteShippingOption } from './delete-shipping-option.ts';
import { getPromotion } from './get-promotion.ts';
import { getShippingOption } from './get-shipping-option.ts';
import { getTaxSettings } from './get-tax-settings.ts';
import { listPromotions } from './list-promotions.ts';
import { listShippingOptions } from './list-shipping-options.ts';
import { putTaxSettings } from './put-tax-settings.ts';
import { replaceShippingOption } from './replace-shipping-option.ts';
import { updatePromotion } from './update-promotion.ts';

/** The operations of the `pricingAdmin` function: promotions, shipping options and tax settings. */
export const pricingAdminOperations = [
  createPromotion,
  listPromotions,
  getPromotion,
  updatePromotion,
  deletePromotion,
  listShippingOptions,
  createShippingOption,
  getShippingOption,
  replaceShippingOption,
  deleteShippingOption,
  getTaxSettings,
  putTaxSettings,
];
