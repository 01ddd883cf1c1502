import type { FieldMatch, PatternNode, Scalar } from './pattern-types.ts';

type JsonObject = Readonly<Record<string, unknown>>;

const EMPTY: JsonObject = Object.freeze({});

const isPlainObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isScalar = (v: unknown): v is Scalar =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));

/**
 * The leaf values of a field: the value itself, or every scalar inside it when it is an array (arrays
 * in events are flattened, however deeply nested). Objects are not leaves.
 */
const leaves = (value: unknown, out: Scalar[] = []): Scalar[] => {
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (isScalar(value)) out.push(value);
  return out;
};

/** The objects a nested pattern is applied to: the value, or each object element of an array. */
const objects = (value: unknown, out: JsonObject[] = []): JsonObject[] => {
  if (Array.isArray(value)) for (const item of value) objects(item, out);
  else if (isPlainObject(value)) out.push(value);
  return out;
};

const matchField = (match: FieldMatch, value: unknown): boolean => {
  if (match.kind === 'object') {
    // Each array element is matched as a whole, so one match never mixes fields of two elements
    // (event-ruler's array consistency). With no object at all, only absence conditions can hold.
    const candidates = objects(value);
    return (candidates.length > 0 ? candidates : [EMPTY]).some((candidate) =>
      matchNode(match.node, candidate),
    );
  }
  const values = leaves(value);
  return match.conditions.some((condition) =>
    condition.kind === 'exists' ? condition.exists === values.length > 0 : values.some(condition.test),
  );
};

/** Whether an object satisfies a compiled pattern level: all fields, and one branch of each `$or`. */
export const matchNode = (node: PatternNode, object: JsonObject): boolean =>
  node.fields.every(({ key, match }) =>
    matchField(match, Object.hasOwn(object, key) ? object[key] : undefined),
  ) && node.anyOf.every((branches) => branches.some((branch) => matchNode(branch, object)));

/** Matches any JSON value; a value that is not an object is treated as an object with no fields. */
export const matchTree = (node: PatternNode, event: unknown): boolean =>
  matchNode(node, isPlainObject(event) ? event : EMPTY);
