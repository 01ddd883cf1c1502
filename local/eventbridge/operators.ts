import { compileAnythingBut } from './anything-but.ts';
import { compileCidr } from './cidr.ts';
import { PatternSyntaxError } from './errors.ts';
import { compileNumeric } from './numeric.ts';
import type { Condition, PatternDialect, ValueTest } from './pattern-types.ts';
import { equalsIgnoreCaseTest, onStrings, prefixTest, suffixTest } from './string-match.ts';
import { wildcardTest } from './wildcard.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const requireString = (value: unknown, message: string): string => {
  if (typeof value !== 'string') throw new PatternSyntaxError(message);
  return value;
};

/** `{ "prefix": "x" }` or `{ "prefix": { "equals-ignore-case": "x" } }`, and the same for suffix. */
const affixTest = (kind: 'prefix' | 'suffix', spec: unknown): ValueTest => {
  const build = kind === 'prefix' ? prefixTest : suffixTest;
  if (!isPlainObject(spec))
    return build(requireString(spec, `${kind} match pattern must be a string`), false);
  const label = kind === 'prefix' ? 'Prefix' : 'Suffix';
  const [operator, ...others] = Object.keys(spec);
  if (operator === undefined) throw new PatternSyntaxError(`${label} expression name not found`);
  if (operator !== 'equals-ignore-case')
    throw new PatternSyntaxError(`Unsupported ${kind} pattern: ${operator}`);
  const text = requireString(spec[operator], 'equals-ignore-case match pattern must be a string');
  if (others.length > 0) throw new PatternSyntaxError('Only one key allowed in match expression');
  return build(text, true);
};

const existsCondition = (spec: unknown): Condition => {
  if (typeof spec !== 'boolean')
    throw new PatternSyntaxError('exists match pattern must be either true or false.');
  return { kind: 'exists', exists: spec };
};

const notInPipes = (operator: string, dialect: PatternDialect): void => {
  if (dialect === 'pipe')
    throw new PatternSyntaxError(`${operator} is not supported in EventBridge Pipes filters`);
};

/** Compiles one operator and its operand; `undefined` for a name that is not an operator. */
const compileOperator = (operator: string, spec: unknown, dialect: PatternDialect): Condition | undefined => {
  const value = (test: ValueTest): Condition => ({ kind: 'value', test });
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return value(affixTest(operator, spec));
    case 'equals-ignore-case':
      return value(
        equalsIgnoreCaseTest(requireString(spec, 'equals-ignore-case match pattern must be a string')),
      );
    case 'wildcard':
      notInPipes(operator, dialect);
      return value(onStrings(wildcardTest(requireString(spec, 'wildcard match pattern must be a string'))));
    case 'numeric':
      return value(compileNumeric(spec));
    case 'anything-but':
      return value(compileAnythingBut(spec, dialect));
    case 'cidr':
      return value(onStrings(compileCidr(requireString(spec, 'cidr match pattern must be a string'))));
    case 'exists':
      return existsCondition(spec);
    default:
      return undefined;
  }
};

/**
 * Compiles a match expression, the object form of a value in a pattern array
 * (`{ "prefix": "us-" }`). Exactly one operator per object, as EventBridge requires.
 */
export const compileMatchExpression = (
  expression: Record<string, unknown>,
  dialect: PatternDialect,
): Condition => {
  const [operator, ...others] = Object.keys(expression);
  if (operator === undefined) throw new PatternSyntaxError('Match expression name not found');
  const condition = compileOperator(operator, expression[operator], dialect);
  if (!condition) throw new PatternSyntaxError(`Unrecognized match type ${operator}`);
  if (others.length > 0) {
    // event-ruler words the numeric and anything-but cases differently; kept for fidelity.
    const numericLike = operator === 'numeric' || operator === 'anything-but';
    throw new PatternSyntaxError(
      numericLike ? 'Too many elements in numeric expression' : 'Only one key allowed in match expression',
    );
  }
  return condition;
};
