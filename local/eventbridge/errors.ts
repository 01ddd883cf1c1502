/**
 * A malformed event pattern. The message has the shape AWS answers PutRule and TestEventPattern with
 * (`Event pattern is not valid. Reason: ...`), so a pattern rejected here reads like one AWS rejected.
 */
export class InvalidEventPatternError extends Error {
  /** What is wrong, in the words of AWS's pattern compiler (event-ruler). */
  readonly reason: string;
  /** Where in the pattern, as a dotted path (`detail.state[0]`); empty for the pattern itself. */
  readonly path: string;

  constructor(reason: string, path = '') {
    super(`Event pattern is not valid. Reason: ${reason}${path ? ` (at ${path})` : ''}`);
    this.name = 'InvalidEventPatternError';
    this.reason = reason;
    this.path = path;
  }
}

/**
 * Thrown by the operator parsers, which do not know where in the pattern they are; the structural
 * compiler catches it and rethrows an `InvalidEventPatternError` with the path.
 */
export class PatternSyntaxError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PatternSyntaxError';
  }
}
