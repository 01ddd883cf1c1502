import type { StoredShippingOption } from '../domain/shipping-option-inputs.ts';
import type { ShippingOption } from '../domain/shipping-schemas.ts';
import { Entity, shippingOptionKeys } from './keys.ts';

/**
 * The table item of a shipping option. `requestHash` (the creating request's Idempotency-Key and body)
 * stays on the item so a retried POST is recognised as a replay.
 */
export const shippingOptionItem = (option: StoredShippingOption, requestHash?: string) => ({
  ...shippingOptionKeys.option(option.id),
  ...shippingOptionKeys.list(option.id),
  entity: Entity.shippingOption,
  ...option,
  ...(requestHash ? { requestHash } : {}),
});

/** The option an item holds (keys and bookkeeping dropped); items are only written from valid input. */
export const shippingOptionFromItem = (item: Record<string, unknown>): StoredShippingOption => ({
  id: item.id as string,
  name: item.name as string,
  countries: item.countries as string[],
  rate: item.rate as StoredShippingOption['rate'],
  ...(item.freeAbove ? { freeAbove: item.freeAbove as StoredShippingOption['freeAbove'] } : {}),
  version: item.version as number,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

/** The option as the pricing engine's strict schema takes it (no version or timestamps). */
export const engineShippingOption = (option: StoredShippingOption): ShippingOption => {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = option;
  return rest;
};
