import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { narrowedPattern, temporaryRuleName } from '../../../scripts/ops/replay-rules.ts';
import { parseTime } from '../../../scripts/ops/time.ts';

const event = (detailType: string, replayName?: string) => ({
  source: 'commerce.orders',
  'detail-type': detailType,
  detail: {},
  ...(replayName ? { 'replay-name': replayName } : {}),
});

describe('a replay’s narrowed copy of a rule', () => {
  const rule = { source: ['commerce.orders'], 'detail-type': ['OrderPlaced', 'OrderCanceled'] };

  it('receives only the replay’s events of the asked types that the rule itself would receive', () => {
    const copy = narrowedPattern(rule, ['OrderPlaced', 'ProductCreated'], 'ops-1');
    expect(copy).toEqual({
      source: ['commerce.orders'],
      'detail-type': ['OrderPlaced'],
      'replay-name': ['ops-1'],
    });
    expect(matchesPattern(copy, event('OrderPlaced', 'ops-1'))).toBe(true);
    expect(matchesPattern(copy, event('OrderCanceled', 'ops-1'))).toBe(false);
    // Live events and other replays never reach it.
    expect(matchesPattern(copy, event('OrderPlaced'))).toBe(false);
    expect(matchesPattern(copy, event('OrderPlaced', 'ops-2'))).toBe(false);
  });

  it('is not made when the rule receives none of the types', () => {
    expect(narrowedPattern(rule, ['ProductCreated'], 'ops-1')).toBeUndefined();
  });

  it('honours a rule’s prefix matching on detail-type', () => {
    const prefixed = { 'detail-type': [{ prefix: 'Order' }] };
    expect(narrowedPattern(prefixed, ['OrderPlaced', 'RefundIssued'], 'r')?.['detail-type']).toEqual([
      'OrderPlaced',
    ]);
  });

  it('keeps temporary rule names within EventBridge’s 64 characters', () => {
    expect(temporaryRuleName('ops-1796308725177', 'x'.repeat(80))).toHaveLength(64);
  });
});

describe('ops times', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('reads ISO 8601 and spans back from now', () => {
    expect(parseTime('2026-12-02T00:00:00Z', '--from', now).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseTime('1d', '--from', now).toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(parseTime('30m', '--from', now).toISOString()).toBe('2026-12-03T11:30:00.000Z');
  });
  it('refuses anything else as a usage error', () => {
    expect(() => parseTime('yesterday', '--from', now)).toThrow(/not a time/);
    expect(() => parseTime(undefined, '--from', now)).toThrow(/required/);
  });
});
