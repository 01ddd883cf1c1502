import { operationOf } from '#platform/http/operation.ts';
import { PriceListRepository } from './data/price-list-repository.ts';
import { PromotionRepository } from './data/promotion-repository.ts';
import { ShippingOptionRepository } from './data/shipping-repository.ts';
import { TaxSettingsRepository } from './data/tax-repository.ts';

/** What the pricing back office uses, wired once per Lambda instance over one table. */
export const pricingAdminServices = (table: string, cursorKey: string) => ({
  priceLists: new PriceListRepository(table, cursorKey),
  promotions: new PromotionRepository(table, cursorKey),
  shippingOptions: new ShippingOptionRepository(table),
  taxSettings: new TaxSettingsRepository(table),
});
export type PricingAdminServices = ReturnType<typeof pricingAdminServices>;

/** Declares an operation of the `pricingAdmin` function (typed with its services). */
export const pricingAdminOperation = operationOf<PricingAdminServices>();
