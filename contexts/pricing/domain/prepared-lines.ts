import { multiplyAmount } from '#platform/money/arithmetic.ts';
import type { PricingLine } from './cart-schemas.ts';
import type { LineFlag } from './totals-schemas.ts';

/** A line with its flags read and its undiscounted subtotal computed (0 when excluded). */
export interface PreparedLine {
  readonly line: PricingLine;
  readonly flags: readonly LineFlag[];
  readonly excluded: boolean;
  readonly subtotal: number;
}

/**
 * Reads each line's flags. A changed price is shown and charged at the new price (never the stale
 * one); archived, out-of-stock and unpriced lines stay visible, flagged, but count for nothing.
 */
export const prepareLines = (lines: readonly PricingLine[]): PreparedLine[] =>
  lines.map((line) => {
    const flags: LineFlag[] = [];
    if (line.unitPrice === null) flags.push('unavailable');
    if (line.archived) flags.push('archived');
    if (line.outOfStock) flags.push('out_of_stock');
    const excluded = flags.length > 0;
    if (
      line.unitPrice !== null &&
      line.previousUnitPrice !== undefined &&
      line.previousUnitPrice !== line.unitPrice
    ) {
      flags.push('price_changed');
    }
    const subtotal = excluded || line.unitPrice === null ? 0 : multiplyAmount(line.unitPrice, line.quantity);
    return { line, flags, excluded, subtotal };
  });
