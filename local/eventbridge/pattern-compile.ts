import { InvalidEventPatternError, PatternSyntaxError } from './errors.ts';
import { compileMatchExpression } from './operators.ts';
import type { Condition, FieldMatch, PatternDialect, PatternNode } from './pattern-types.ts';
import { exactTest } from './string-match.ts';

const OR = '$or';

/**
 * Names event-ruler reserves inside `$or` branches, so `{"$or": [{"prefix": ...}, ...]}` is an error
 * rather than a field called "prefix". Outside `$or` they are ordinary field names.
 */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  'html',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

interface Context {
  readonly dialect: PatternDialect;
  readonly inOr: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

const fail = (reason: string, path: string): never => {
  throw new InvalidEventPatternError(reason, path);
};

/** One entry of a field's array: a match expression object or an exact JSON scalar. */
const compileCondition = (item: unknown, path: string, context: Context): Condition => {
  try {
    if (isPlainObject(item)) return compileMatchExpression(item, context.dialect);
  } catch (error) {
    if (error instanceof PatternSyntaxError) fail(error.message, path);
    throw error;
  }
  if (item === null || typeof item === 'string' || typeof item === 'boolean' || typeof item === 'number') {
    return { kind: 'value', test: exactTest(item) };
  }
  return fail('Match value must be String, number, true, false, or null', path);
};

const compileLeaf = (values: readonly unknown[], path: string, context: Context): FieldMatch => {
  if (values.length === 0) fail('Empty arrays are not allowed', path);
  const conditions = values.map((item, i) => compileCondition(item, `${path}[${i}]`, context));
  return { kind: 'leaf', conditions };
};

const compileOr = (branches: unknown, path: string, context: Context): PatternNode[] => {
  if (!Array.isArray(branches)) return fail(`It must be an Array followed with ${OR}.`, path);
  const nodes = branches.map((branch, i) => {
    if (!isPlainObject(branch))
      return fail(`Only JSON object is allowed in array of ${OR} relationship.`, path);
    return compileObject(branch, `${path}[${i}]`, { ...context, inOr: true });
  });
  if (nodes.length < 2) fail(`There must have at least 2 Objects in ${OR} relationship.`, path);
  return nodes;
};

function compileObject(pattern: Record<string, unknown>, path: string, context: Context): PatternNode {
  const entries = Object.entries(pattern);
  if (entries.length === 0) fail('Empty objects are not allowed', path);
  const fields: { key: string; match: FieldMatch }[] = [];
  const anyOf: PatternNode[][] = [];
  for (const [key, value] of entries) {
    const at = join(path, key);
    if (key === OR) {
      anyOf.push(compileOr(value, at, context));
    } else if (context.inOr && RESERVED_IN_OR.has(key)) {
      fail(`${key} is Ruler reserved fieldName which cannot be used inside ${OR}.`, at);
    } else if (Array.isArray(value)) {
      fields.push({ key, match: compileLeaf(value, at, context) });
    } else if (isPlainObject(value)) {
      fields.push({ key, match: { kind: 'object', node: compileObject(value, at, context) } });
    } else {
      fail(`"${key}" must be an object or an array`, at);
    }
  }
  return { fields, anyOf };
}

/** Validates a parsed event pattern and compiles it; throws `InvalidEventPatternError`. */
export const compilePatternTree = (pattern: unknown, dialect: PatternDialect): PatternNode => {
  if (!isPlainObject(pattern)) return fail('Filter is not an object', '');
  return compileObject(pattern, '', { dialect, inOr: false });
};
