/*
 * Which detail-types a subscription asks for (pure). A pattern is a detail-type (`OrderPlaced`), a prefix
 * ending in `*` (`Order*`), or `*` alone: enough for "everything about orders" without a pattern language
 * a back office has to learn.
 */

/** A pattern as a subscription stores it: PascalCase letters and digits, optionally ending in `*`. */
export const EVENT_TYPE_PATTERN = /^(?:\*|[A-Z][A-Za-z0-9]{0,63}\*?)$/;

/** Whether one pattern takes `detailType`. */
export const patternMatches = (pattern: string, detailType: string): boolean =>
  pattern.endsWith('*') ? detailType.startsWith(pattern.slice(0, -1)) : pattern === detailType;

/** Whether any of a subscription's patterns takes `detailType`. */
export const matchesEventType = (patterns: readonly string[], detailType: string): boolean =>
  patterns.some((pattern) => patternMatches(pattern, detailType));
