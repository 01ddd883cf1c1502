import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { withDetail } from './fixtures.ts';

type Case = { operand: unknown; value: unknown; matches: boolean };

/** Titles with the JSON of each case, which vitest's `$name` would abbreviate to `[Object]`. */
const titled = (cases: Case[]) =>
  cases.map((c) => ({ ...c, title: `${JSON.stringify(c.operand)} on ${JSON.stringify(c.value)}` }));

const check = ({ operand, value, matches }: Case) => {
  expect(
    matchesPattern({ detail: { field: [{ 'anything-but': operand }] } }, withDetail({ field: value })),
  ).toBe(matches);
};

describe('event pattern: anything-but', () => {
  it.each(
    titled([
      { operand: 'initializing', value: 'running', matches: true },
      { operand: 'initializing', value: 'initializing', matches: false },
      { operand: 'initializing', value: 'INITIALIZING', matches: true },
      { operand: 'initializing', value: null, matches: true },
      { operand: 'initializing', value: 5, matches: true },
      { operand: 123, value: 123, matches: false },
      { operand: 123, value: 123.0, matches: false },
      { operand: 123, value: 124, matches: true },
      { operand: 123, value: '123', matches: true },
      { operand: ['stopped', 'overloaded'], value: 'stopped', matches: false },
      { operand: ['stopped', 'overloaded'], value: 'overloaded', matches: false },
      { operand: ['stopped', 'overloaded'], value: 'running', matches: true },
      { operand: [100, 200, 300], value: 200, matches: false },
      { operand: [100, 200, 300], value: 250, matches: true },
    ]),
  )('single value and list: $title → $matches', check);

  it('never matches a missing field', () => {
    expect(matchesPattern({ detail: { field: [{ 'anything-but': 'x' }] } }, withDetail({}))).toBe(false);
  });

  it('matches an array when one element is not excluded', () => {
    const pattern = { detail: { field: [{ 'anything-but': ['a', 'b'] }] } };
    expect(matchesPattern(pattern, withDetail({ field: ['a', 'c'] }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ field: ['a', 'b'] }))).toBe(false);
  });

  it.each(
    titled([
      { operand: { prefix: 'init' }, value: 'initializing', matches: false },
      { operand: { prefix: 'init' }, value: 'running', matches: true },
      { operand: { prefix: ['us-', 'eu-'] }, value: 'eu-west-1', matches: false },
      { operand: { prefix: ['us-', 'eu-'] }, value: 'ap-south-1', matches: true },
      { operand: { suffix: '.png' }, value: 'image.png', matches: false },
      { operand: { suffix: '.png' }, value: 'image.jpg', matches: true },
      { operand: { suffix: ['.png', '.jpg'] }, value: 'image.jpg', matches: false },
      { operand: { 'equals-ignore-case': 'initializing' }, value: 'INITIALIZING', matches: false },
      { operand: { 'equals-ignore-case': 'initializing' }, value: 'running', matches: true },
      { operand: { 'equals-ignore-case': ['initializing', 'stopped'] }, value: 'Stopped', matches: false },
      { operand: { 'equals-ignore-case': ['initializing', 'stopped'] }, value: 'running', matches: true },
      { operand: { wildcard: '*/lib/*' }, value: '/usr/lib/tool', matches: false },
      { operand: { wildcard: '*/lib/*' }, value: '/usr/bin/tool', matches: true },
      { operand: { wildcard: ['*/lib/*', '*/bin/*'] }, value: '/usr/bin/tool', matches: false },
      { operand: { wildcard: ['*/lib/*', '*/bin/*'] }, value: '/usr/share/tool', matches: true },
      { operand: { prefix: 'init' }, value: 7, matches: true },
    ]),
  )('with a nested operator: $title → $matches', check);
});
