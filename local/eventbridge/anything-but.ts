import { PatternSyntaxError } from './errors.ts';
import { requireComparable } from './numeric.ts';
import type { PatternDialect, Scalar, ValueTest } from './pattern-types.ts';
import { fold } from './string-match.ts';
import { wildcardTest } from './wildcard.ts';

type StringPredicate = (value: string) => boolean;

// The operators anything-but may wrap, each turning one excluded string into a predicate.
const NESTED: Readonly<Record<string, (excluded: string) => StringPredicate>> = {
  prefix: (excluded) => (value) => value.startsWith(excluded),
  suffix: (excluded) => (value) => value.endsWith(excluded),
  'equals-ignore-case': (excluded) => (value) => fold(value) === fold(excluded),
  wildcard: (excluded) => wildcardTest(excluded),
};

const WRONG_TYPE: Readonly<Record<string, string>> = {
  prefix: 'prefix/suffix match pattern must be a string',
  suffix: 'prefix/suffix match pattern must be a string',
  'equals-ignore-case':
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  wildcard: 'wildcard match pattern must be a string',
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SHAPE = 'Value of anything-but must be an array or single string/number value.';

/**
 * Excludes values, never absence: a missing field does not match anything-but. Values of another
 * type than the excluded ones match (a number is "anything but" a list of strings).
 */
const excludeStrings =
  (predicates: readonly StringPredicate[]): ValueTest =>
  (value: Scalar) =>
    !(typeof value === 'string' && predicates.some((p) => p(value)));

/** `{ "anything-but": { "prefix" | "suffix" | "equals-ignore-case" | "wildcard": value or list } }`. */
const compileNested = (spec: Record<string, unknown>, dialect: PatternDialect): ValueTest => {
  const [operator, ...others] = Object.keys(spec);
  if (operator === undefined) throw new PatternSyntaxError('Anything-But expression name not found');
  const build = NESTED[operator];
  if (!build) throw new PatternSyntaxError(`Unsupported anything-but pattern: ${operator}`);
  if (dialect === 'pipe') {
    throw new PatternSyntaxError(`anything-but ${operator} is not supported in EventBridge Pipes filters`);
  }
  const value = spec[operator];
  if (!Array.isArray(value) && typeof value !== 'string' && typeof value !== 'number')
    throw new PatternSyntaxError(SHAPE);
  const excluded = Array.isArray(value) ? value : [value];
  if (excluded.length === 0) throw new PatternSyntaxError('Empty arrays are not allowed');
  const predicates = excluded.map((item) => {
    if (typeof item !== 'string') throw new PatternSyntaxError(WRONG_TYPE[operator] ?? SHAPE);
    if ((operator === 'prefix' || operator === 'suffix') && item === '') {
      throw new PatternSyntaxError('Null prefix/suffix not allowed');
    }
    return build(item);
  });
  if (others.length > 0) throw new PatternSyntaxError('Too many elements in numeric expression');
  return excludeStrings(predicates);
};

/** `{ "anything-but": "x" | 1 | ["x", "y"] | [1, 2] }`: one type only, strings or numbers. */
const compileValues = (spec: string | number | unknown[]): ValueTest => {
  const excluded = Array.isArray(spec) ? spec : [spec];
  for (const item of excluded) {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new PatternSyntaxError('Inside anything but list, start|null|boolean is not supported.');
    }
  }
  const strings = excluded.filter((item): item is string => typeof item === 'string');
  const numbers = excluded.filter((item): item is number => typeof item === 'number');
  if (strings.length > 0 === numbers.length > 0) {
    throw new PatternSyntaxError(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  if (numbers.length > 0) {
    const set = new Set(numbers.map(requireComparable));
    return (value) => !(typeof value === 'number' && set.has(value));
  }
  const set = new Set(strings);
  return (value) => !(typeof value === 'string' && set.has(value));
};

/** Compiles the value of an `anything-but` matcher, with event-ruler's grammar and messages. */
export const compileAnythingBut = (spec: unknown, dialect: PatternDialect): ValueTest => {
  if (isPlainObject(spec)) return compileNested(spec, dialect);
  if (Array.isArray(spec) || typeof spec === 'string' || typeof spec === 'number') return compileValues(spec);
  throw new PatternSyntaxError(SHAPE);
};
