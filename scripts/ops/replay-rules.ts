import { matchesPattern } from '#local/eventbridge/pattern.ts';

type Pattern = Readonly<Record<string, unknown>>;

/**
 * The pattern of a temporary copy of a rule that receives only this replay's events of the given types,
 * or undefined when the rule would receive none of them. EventBridge replays cannot filter by type, only
 * by rule (`FilterArns`); the copy keeps the rule's own pattern (so it never receives more than the rule
 * would), narrows `detail-type`, and matches `replay-name`, so live events never reach it.
 */
export const narrowedPattern = (
  pattern: Pattern,
  types: readonly string[],
  replayName: string,
): Pattern | undefined => {
  const own = pattern['detail-type'];
  const kept =
    own === undefined
      ? types
      : types.filter((t) => matchesPattern({ 'detail-type': own }, { 'detail-type': t }));
  if (kept.length === 0) return undefined;
  return { ...pattern, 'detail-type': [...kept], 'replay-name': [replayName] };
};

/** Temporary rule names: the replay's name, then the rule's, within EventBridge's 64 characters. */
export const temporaryRuleName = (replayName: string, ruleName: string): string =>
  `${replayName}-${ruleName}`.slice(0, 64);
