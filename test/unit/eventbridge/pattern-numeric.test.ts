import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { ec2Event, withDetail } from './fixtures.ts';

describe('event pattern: numeric', () => {
  it('matches the guide example (every field true)', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
  });

  it.each([
    { range: ['>', 0, '<=', 5], value: 5, matches: true },
    { range: ['>', 0, '<=', 5], value: 0, matches: false },
    { range: ['>', 0, '<=', 5], value: 5.000001, matches: false },
    { range: ['>=', 0, '<', 5], value: 0, matches: true },
    { range: ['>=', 0, '<', 5], value: 5, matches: false },
    { range: ['>', 10], value: 10, matches: false },
    { range: ['>', 10], value: 10.5, matches: true },
    { range: ['>=', 10], value: 10, matches: true },
    { range: ['<', 10], value: -3, matches: true },
    { range: ['<=', 10], value: 10, matches: true },
    { range: ['<=', 10], value: 11, matches: false },
    { range: ['=', 300], value: 300.0, matches: true },
    { range: ['=', 300], value: 3e2, matches: true },
    { range: ['=', 300], value: 301, matches: false },
    { range: ['=', -1.5], value: -1.5, matches: true },
    { range: ['>', 0], value: '5', matches: false },
    { range: ['>', 0], value: true, matches: false },
    { range: ['>', 0], value: null, matches: false },
    { range: ['>', 0], value: [-1, 3], matches: true },
    // EventBridge only compares numbers within ±5e9 with at most six decimals.
    { range: ['>', 0], value: 6e9, matches: false },
    { range: ['>', 0], value: 1.0000001, matches: false },
    { range: ['<=', 5e9], value: 5e9, matches: true },
  ])('$range on $value → $matches', ({ range, value, matches }) => {
    expect(matchesPattern({ detail: { n: [{ numeric: range }] } }, withDetail({ n: value }))).toBe(matches);
  });

  it('never matches a missing field', () => {
    expect(matchesPattern({ detail: { n: [{ numeric: ['>', 0] }] } }, withDetail({}))).toBe(false);
  });

  it('combines with anything-but in the guide’s complex example', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'x-limit': 300 } })).toBe(
      false,
    );
  });
});
