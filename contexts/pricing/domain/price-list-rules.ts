import { ValidationError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import type { CreatePriceListInput, StoredPriceList, UpdatePriceListInput } from './price-list-inputs.ts';
import { type PriceList, priceListSchema } from './price-list-schemas.ts';

/** Rejects a window that ends before it starts (400 `price_list_window_invalid`): it could never apply. */
const checkWindow = ({ startsAt, endsAt }: Pick<PriceList, 'startsAt' | 'endsAt'>): void => {
  if (startsAt === undefined || endsAt === undefined) return;
  if (Date.parse(endsAt) > Date.parse(startsAt)) return;
  throw new ValidationError(
    'endsAt must be after startsAt',
    [{ path: 'body.endsAt', message: 'must be after startsAt' }],
    'price_list_window_invalid',
  );
};

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** A new price list at version 1 (scopes deduplicated). */
export const newPriceList = (id: string, input: CreatePriceListInput, now: Date): StoredPriceList => {
  checkWindow(input);
  const at = now.toISOString();
  return {
    ...input,
    id,
    channelIds: unique(input.channelIds),
    customerGroupIds: unique(input.customerGroupIds),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
};

/** The price list after a PATCH: changes over the current fields (null removes one), validated whole. */
export const applyPriceListPatch = (
  current: StoredPriceList,
  patch: UpdatePriceListInput,
  now: Date,
): StoredPriceList => {
  const { version: _v, ...changes } = patch;
  const { version, createdAt, updatedAt: _u, ...fields } = current;
  const merged: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else if (value !== undefined) merged[name] = value;
  }
  const list = parseInput(priceListSchema, merged, 'body');
  checkWindow(list);
  return {
    ...list,
    channelIds: unique(list.channelIds),
    customerGroupIds: unique(list.customerGroupIds),
    version: version + 1,
    createdAt,
    updatedAt: now.toISOString(),
  };
};
