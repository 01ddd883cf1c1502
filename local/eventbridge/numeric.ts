import { PatternSyntaxError } from './errors.ts';
import type { Scalar, ValueTest } from './pattern-types.ts';

/**
 * EventBridge compares numbers as fixed-width strings covering -5e9..5e9 with six decimals
 * (event-ruler's ComparableNumber). Pattern numbers outside that are rejected; event numbers outside
 * it never match a numeric or numeric anything-but condition.
 */
const LIMIT = 5e9;
const MAX_DECIMALS = 6;

/** Decimal places of a number as JSON would print it (`1.5e-7` has 8). */
export const decimalPlaces = (n: number): number => {
  const [mantissa = '', exponent = '0'] = String(n).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
};

/** Whether EventBridge can compare this number numerically. */
export const isComparable = (n: number): boolean =>
  Number.isFinite(n) && n >= -LIMIT && n <= LIMIT && decimalPlaces(n) <= MAX_DECIMALS;

/** Rejects a pattern number EventBridge cannot compare, with event-ruler's reason. */
export const requireComparable = (n: number): number => {
  if (decimalPlaces(n) > MAX_DECIMALS)
    throw new PatternSyntaxError('Only values upto 6 decimals are supported');
  if (!(n >= -LIMIT && n <= LIMIT)) {
    throw new PatternSyntaxError('Value must be between -5.0E9 and 5.0E9, inclusive');
  }
  return n;
};

const show = (token: unknown): string => (typeof token === 'string' ? token : JSON.stringify(token));

const numberAfter = (operator: string, token: unknown): number => {
  if (typeof token !== 'number') {
    throw new PatternSyntaxError(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
  }
  return requireComparable(token);
};

interface Bound {
  readonly value: number;
  readonly open: boolean;
}

const range = (bottom: Bound, top: Bound): ValueTest => {
  if (bottom.value >= top.value) throw new PatternSyntaxError('Bottom must be less than top');
  return (v: Scalar) =>
    typeof v === 'number' &&
    isComparable(v) &&
    (bottom.open ? v > bottom.value : v >= bottom.value) &&
    (top.open ? v < top.value : v <= top.value);
};

/** The upper half of `[">", 0, "<=", 5]`: only `<` or `<=` may follow a lower bound. */
const upperBound = (spec: readonly unknown[]): Bound => {
  const operator = spec[2];
  if (typeof operator !== 'string')
    throw new PatternSyntaxError(`Bad value in numeric range: ${show(operator)}`);
  if (operator !== '<' && operator !== '<=') {
    throw new PatternSyntaxError(`Bad numeric range operator: ${operator}`);
  }
  const value = numberAfter(operator, spec[3]);
  if (spec.length > 4) throw new PatternSyntaxError('Too many terms in numeric range expression');
  return { value, open: operator === '<' };
};

/** Compiles the array of a `numeric` matcher, with event-ruler's grammar and messages. */
export const compileNumeric = (spec: unknown): ValueTest => {
  if (!Array.isArray(spec)) throw new PatternSyntaxError('Value of numeric must be an array.');
  const operator = spec[0];
  if (typeof operator !== 'string')
    throw new PatternSyntaxError(`Invalid member in numeric match: ${show(operator)}`);
  const tooMany = (max: number) => {
    if (spec.length > max) throw new PatternSyntaxError('Too many elements in numeric expression');
  };
  const min: Bound = { value: -LIMIT, open: false };
  const max: Bound = { value: LIMIT, open: false };
  switch (operator) {
    case '=': {
      const value = numberAfter(operator, spec[1]);
      tooMany(2);
      return (v: Scalar) => typeof v === 'number' && isComparable(v) && v === value;
    }
    case '>':
    case '>=': {
      const bottom = { value: numberAfter(operator, spec[1]), open: operator === '>' };
      return range(bottom, spec.length === 2 ? max : upperBound(spec));
    }
    case '<':
    case '<=': {
      const top = { value: numberAfter(operator, spec[1]), open: operator === '<' };
      tooMany(2);
      return range(min, top);
    }
    default:
      throw new PatternSyntaxError(`Unrecognized numeric range operator: ${operator}`);
  }
};
