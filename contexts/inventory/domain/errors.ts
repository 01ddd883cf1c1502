import { AppError } from '#platform/errors/index.ts';
import type { Shortfall } from './sourcing.ts';

/** How many variants a refusal's `detail` names; the rest are counted (its `errors` name them all). */
export const SHORT_NAMED_IN_DETAIL = 5;
/**
 * How many lines a refusal's `errors` list: more than a checkout takes (90), so a checkout's refusal
 * lists every line, while no input makes the problem unbounded.
 */
export const MAX_SHORT_ERRORS = 100;

/**
 * The refusal's sentence: the first few variants and how many more. Naming all of them grew past what a
 * problem's detail may hold (55 UUIDs), which turned a refusal into a failed checkout.
 */
const shortDetail = (short: readonly Shortfall[]): string => {
  const named = short.slice(0, SHORT_NAMED_IN_DETAIL).map((s) => s.variantId);
  const more = short.length - named.length;
  return `Not enough stock for ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}; nothing was reserved`;
};

/** 409: one or more lines cannot be filled; `short` names each, and nothing was reserved. */
export class OutOfStockError extends AppError {
  readonly short: readonly Shortfall[];

  constructor(short: readonly Shortfall[]) {
    super({
      status: 409,
      code: 'out_of_stock',
      title: 'Out of stock',
      detail: shortDetail(short),
      errors: short.slice(0, MAX_SHORT_ERRORS).map((s) => ({
        path: `lines.${s.variantId}`,
        message: `requested ${s.requested}, available ${s.available}`,
      })),
    });
    this.short = short;
  }
}

/** 404: a line names a variant whose stock is not tracked; nothing was reserved. */
export class UnknownVariantError extends AppError {
  readonly variantIds: readonly string[];

  constructor(variantIds: readonly string[]) {
    super({
      status: 404,
      code: 'variant_not_stocked',
      title: 'Not found',
      detail: `No stock is tracked for ${variantIds.join(', ')}; nothing was reserved`,
      errors: variantIds.map((v) => ({ path: `lines.${v}`, message: 'unknown variant' })),
    });
    this.variantIds = variantIds;
  }
}
