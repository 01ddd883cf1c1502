import { AppError } from '../errors/index.ts';

/** 400: a money value is not a safe, non-negative integer count of minor units (a float, NaN, 1e300…). */
export class InvalidAmountError extends AppError {
  readonly value: unknown;

  constructor(value: unknown, what = 'amount') {
    super({
      status: 400,
      code: 'invalid_amount',
      title: 'Invalid amount',
      detail: `The ${what} must be a non-negative safe integer of minor units, got ${String(value)}`,
    });
    this.value = value;
  }
}

/** 422: valid amounts whose sum or product leaves the safe-integer range, where exactness ends. */
export class AmountOverflowError extends AppError {
  constructor(operation: string) {
    super({
      status: 422,
      code: 'amount_overflow',
      title: 'Amount too large',
      detail: `The result of ${operation} exceeds ${Number.MAX_SAFE_INTEGER} minor units`,
    });
  }
}

/** 400: a decimal text cannot be read as money in that currency (too many decimals, not a number). */
export class InvalidDecimalError extends AppError {
  constructor(text: string, currency: string, decimals: number) {
    super({
      status: 400,
      code: 'invalid_decimal_amount',
      title: 'Invalid amount',
      detail: `"${text}" is not an amount in ${currency} (at most ${decimals} decimals, no sign, no exponent)`,
    });
  }
}
