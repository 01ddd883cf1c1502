import type { CurrencyCode } from '#contexts/catalog/domain/schemas.ts';
import { AppError } from '#platform/errors/index.ts';
import type { Destination, TaxClass } from './tax-schemas.ts';

/** One amount to tax: a line after its discounts, or shipping after its discount. */
export interface TaxableItem {
  readonly amount: number;
  readonly taxClass: TaxClass;
}

/** What the engine asks a tax calculator: amounts in the store's price mode for that currency. */
export interface TaxRequest {
  readonly currency: CurrencyCode;
  readonly destination: Destination;
  /** True: each amount already includes its tax (extract it). False: tax comes on top. */
  readonly pricesIncludeTax: boolean;
  readonly lines: readonly TaxableItem[];
  readonly shipping: TaxableItem | null;
}

/** The tax on one item, and the rate it was computed at (for display and the order record). */
export interface ItemTax {
  readonly tax: number;
  readonly ratePpm: number;
}

/** The answer: one `ItemTax` per request line, in order, and one for shipping when it was asked. */
export interface TaxResult {
  readonly lines: readonly ItemTax[];
  readonly shipping: ItemTax | null;
}

/**
 * The tax port. The built-in rate table (`rateTableTaxCalculator`) is the default adapter; an external
 * provider plugs in by implementing this. It is synchronous on purpose, so pricing stays a pure
 * function: a remote provider's adapter answers from a quote fetched before pricing (see docs/pricing.md).
 */
export interface TaxCalculator {
  calculate(request: TaxRequest): TaxResult;
}

/** 502: a tax calculator answered something the engine cannot use (wrong count, negative, a float). */
export class TaxResultInvalidError extends AppError {
  constructor(detail: string) {
    super({ status: 502, code: 'tax_result_invalid', title: 'Tax could not be calculated', detail });
  }
}

const validItem = (item: ItemTax, taxed: TaxableItem, inclusive: boolean): boolean =>
  Number.isSafeInteger(item.tax) &&
  item.tax >= 0 &&
  (!inclusive || item.tax <= taxed.amount) &&
  Number.isSafeInteger(item.ratePpm) &&
  item.ratePpm >= 0;

/** Checks a calculator's answer against its request, so a faulty adapter fails loudly, not in totals. */
export const checkTaxResult = (request: TaxRequest, result: TaxResult): TaxResult => {
  if (result.lines.length !== request.lines.length) {
    throw new TaxResultInvalidError(
      `Expected ${request.lines.length} line taxes, got ${result.lines.length}`,
    );
  }
  result.lines.forEach((item, i) => {
    if (!validItem(item, request.lines[i]!, request.pricesIncludeTax)) {
      throw new TaxResultInvalidError(
        `Line ${i}: tax ${item.tax} is not a valid amount for ${request.lines[i]!.amount}`,
      );
    }
  });
  if ((request.shipping === null) !== (result.shipping === null)) {
    throw new TaxResultInvalidError('Shipping tax must be given exactly when shipping is taxed');
  }
  if (
    request.shipping &&
    result.shipping &&
    !validItem(result.shipping, request.shipping, request.pricesIncludeTax)
  ) {
    throw new TaxResultInvalidError(`Shipping: tax ${result.shipping.tax} is not a valid amount`);
  }
  return result;
};
