import { InvalidEventPatternError } from './errors.ts';
import { compilePatternTree } from './pattern-compile.ts';
import { matchTree } from './pattern-match.ts';
import type { PatternDialect } from './pattern-types.ts';

export { InvalidEventPatternError } from './errors.ts';
export type { PatternDialect } from './pattern-types.ts';

export interface PatternOptions {
  /** `'pipe'` also rejects what EventBridge Pipes filters do not support. Default `'rule'`. */
  readonly dialect?: PatternDialect;
}

/** A validated pattern, ready to test many events without compiling it again. */
export interface CompiledPattern {
  /** Whether the event (any JSON value: an EventBridge event, a DynamoDB stream record...) matches. */
  matches(event: unknown): boolean;
}

/**
 * Validates an EventBridge event pattern and compiles it. Throws `InvalidEventPatternError` for a
 * pattern AWS would reject. The matcher knows nothing of the event envelope, so the Pipe filter applies
 * it to stream records as they are.
 */
export const compilePattern = (pattern: unknown, options: PatternOptions = {}): CompiledPattern => {
  const tree = compilePatternTree(pattern, options.dialect ?? 'rule');
  return { matches: (event) => matchTree(tree, event) };
};

/** Throws `InvalidEventPatternError` if AWS would reject the pattern. */
export const validatePattern = (pattern: unknown, options: PatternOptions = {}): void => {
  compilePatternTree(pattern, options.dialect ?? 'rule');
};

/** Whether the event matches the pattern; compile once with `compilePattern` to test many events. */
export const matchesPattern = (pattern: unknown, event: unknown): boolean =>
  compilePattern(pattern).matches(event);

/** Parses a pattern from its JSON text (as PutRule and TestEventPattern receive it) and compiles it. */
export const parsePattern = (text: string, options: PatternOptions = {}): CompiledPattern => {
  let pattern: unknown;
  try {
    pattern = JSON.parse(text);
  } catch (error) {
    throw new InvalidEventPatternError(error instanceof Error ? error.message : 'Malformed JSON');
  }
  return compilePattern(pattern, options);
};
