import { AppError } from '#platform/errors/index.ts';
import type { Shortfall } from './sourcing.ts';

/** 409: one or more lines cannot be filled; `short` names each, and nothing was reserved. */
export class OutOfStockError extends AppError {
  readonly short: readonly Shortfall[];

  constructor(short: readonly Shortfall[]) {
    super({
      status: 409,
      code: 'out_of_stock',
      title: 'Out of stock',
      detail: `Not enough stock for ${short.map((s) => s.variantId).join(', ')}; nothing was reserved`,
      errors: short.map((s) => ({
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
