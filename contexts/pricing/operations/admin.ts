import { createPriceList } from './create-price-list.ts';
import { createPromotion } from './create-promotion.ts';
import { createShippingOption } from './create-shipping-option.ts';
import { deletePriceList } from './delete-price-list.ts';
import { deletePromotion } from './delete-promotion.ts';
import { deleteShippingOption } from './delete-shipping-option.ts';
import { getPriceList } from './get-price-list.ts';
import { getPromotion } from './get-promotion.ts';
import { getShippingOption } from './get-shipping-option.ts';
import { getTaxSettings } from './get-tax-settings.ts';
import { listPriceListPrices } from './list-price-list-prices.ts';
import { listPriceLists } from './list-price-lists.ts';
import { listPromotions } from './list-promotions.ts';
import { listShippingOptions } from './list-shipping-options.ts';
import { putTaxSettings } from './put-tax-settings.ts';
import { replaceShippingOption } from './replace-shipping-option.ts';
import { setPriceListPrices } from './set-price-list-prices.ts';
import { updatePriceList } from './update-price-list.ts';
import { updatePromotion } from './update-promotion.ts';

/** The operations of the `pricingAdmin` function: promotions, shipping options, tax settings and price lists. */
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
  createPriceList,
  listPriceLists,
  getPriceList,
  updatePriceList,
  deletePriceList,
  setPriceListPrices,
  listPriceListPrices,
];
