import { parseIp, sameIp } from './cidr.ts';
import type { Scalar, ValueTest } from './pattern-types.ts';

/** Case folding for the `equals-ignore-case` family; locale-independent, like event-ruler. */
export const fold = (text: string): string => text.toLowerCase();

/** A test that only strings can pass; every string operator ignores numbers, booleans and null. */
export const onStrings =
  (test: (value: string) => boolean): ValueTest =>
  (value: Scalar) =>
    typeof value === 'string' && test(value);

/**
 * An exact value from a pattern array. Numbers compare numerically (`300`, `300.0` and `3.0e2` are
 * one JSON number), and a string that is an IP address also matches other spellings of that address,
 * as event-ruler compiles IP literals to a one-address range.
 */
export const exactTest = (expected: Scalar): ValueTest => {
  if (typeof expected !== 'string') return (value) => value === expected;
  const ip = parseIp(expected);
  return onStrings((value) => value === expected || (ip !== undefined && sameIp(ip, value)));
};

export const prefixTest = (prefix: string, ignoreCase: boolean): ValueTest =>
  ignoreCase
    ? onStrings((value) => fold(value).startsWith(fold(prefix)))
    : onStrings((value) => value.startsWith(prefix));

export const suffixTest = (suffix: string, ignoreCase: boolean): ValueTest =>
  ignoreCase
    ? onStrings((value) => fold(value).endsWith(fold(suffix)))
    : onStrings((value) => value.endsWith(suffix));

export const equalsIgnoreCaseTest = (expected: string): ValueTest =>
  onStrings((value) => fold(value) === fold(expected));
