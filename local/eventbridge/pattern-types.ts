/** A JSON leaf: what a pattern's value matchers are tested against. */
export type Scalar = string | number | boolean | null;

/** One value matcher of a field (`"x"`, `{ "prefix": "x" }`, `{ "numeric": [...] }` ...), compiled. */
export type ValueTest = (value: Scalar) => boolean;

/**
 * A field's list of matchers, ORed. `exists` is kept apart from value tests because it is decided by
 * whether the field has any leaf value at all, not by one of the values.
 */
export type Condition =
  | { readonly kind: 'exists'; readonly exists: boolean }
  | { readonly kind: 'value'; readonly test: ValueTest };

export type FieldMatch =
  | { readonly kind: 'leaf'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'object'; readonly node: PatternNode };

/**
 * An object level of a pattern: every field must match (AND), and for each `$or` at this level at
 * least one of its branches must match the same object.
 */
export interface PatternNode {
  readonly fields: ReadonlyArray<{ readonly key: string; readonly match: FieldMatch }>;
  readonly anyOf: ReadonlyArray<readonly PatternNode[]>;
}

/**
 * Which service's rules apply. EventBridge Pipes filters accept the same syntax minus the
 * anything-but variants (prefix, suffix, equals-ignore-case, wildcard) and wildcard.
 */
export type PatternDialect = 'rule' | 'pipe';
