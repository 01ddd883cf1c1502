import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { ec2Event, withDetail } from './fixtures.ts';

type Case = { matcher: unknown; value: unknown; matches: boolean };

/** Titles with the JSON of each case, which vitest's `$name` would abbreviate to `[Object]`. */
const titled = (cases: Case[]) =>
  cases.map((c) => ({ ...c, title: `${JSON.stringify(c.matcher)} on ${JSON.stringify(c.value)}` }));

const check = ({ matcher, value, matches }: Case) => {
  expect(matchesPattern({ detail: { field: [matcher] } }, withDetail({ field: value }))).toBe(matches);
};

describe('event pattern: prefix', () => {
  it('matches the guide example on time', () => {
    expect(matchesPattern({ time: [{ prefix: '2017-10-02' }] }, ec2Event)).toBe(true);
    expect(matchesPattern({ time: [{ prefix: '2017-10-03' }] }, ec2Event)).toBe(false);
  });

  it.each(
    titled([
      { matcher: { prefix: 'eu-' }, value: 'eu-west-1', matches: true },
      { matcher: { prefix: 'eu-' }, value: 'us-east-1', matches: false },
      { matcher: { prefix: 'eu-' }, value: 'EU-west-1', matches: false },
      { matcher: { prefix: '' }, value: 'anything', matches: true },
      { matcher: { prefix: '1' }, value: 123, matches: false },
      { matcher: { prefix: 'n' }, value: null, matches: false },
      { matcher: { prefix: { 'equals-ignore-case': 'EventB' } }, value: 'eventbridge', matches: true },
      { matcher: { prefix: { 'equals-ignore-case': 'EventB' } }, value: 'EVENTBRIDGE', matches: true },
      { matcher: { prefix: { 'equals-ignore-case': 'EventB' } }, value: 'sqs', matches: false },
    ]),
  )('$title → $matches', check);
});

describe('event pattern: suffix', () => {
  it.each(
    titled([
      { matcher: { suffix: '.png' }, value: 'image.png', matches: true },
      { matcher: { suffix: '.png' }, value: 'image.PNG', matches: false },
      { matcher: { suffix: '.png' }, value: 'image.jpg', matches: false },
      { matcher: { suffix: '2' }, value: 2, matches: false },
      { matcher: { suffix: { 'equals-ignore-case': '.png' } }, value: 'image.PNG', matches: true },
      { matcher: { suffix: { 'equals-ignore-case': 'tBridge' } }, value: 'EVENTBRIDGE', matches: true },
      { matcher: { suffix: { 'equals-ignore-case': '.png' } }, value: 'image.gif', matches: false },
    ]),
  )('$title → $matches', check);
});

describe('event pattern: equals-ignore-case', () => {
  it.each(
    titled([
      { matcher: { 'equals-ignore-case': 'alice' }, value: 'Alice', matches: true },
      { matcher: { 'equals-ignore-case': 'alice' }, value: 'ALICE', matches: true },
      { matcher: { 'equals-ignore-case': 'alice' }, value: 'alicia', matches: false },
      { matcher: { 'equals-ignore-case': 'true' }, value: true, matches: false },
    ]),
  )('$title → $matches', check);
});

describe('event pattern: wildcard', () => {
  it.each(
    titled([
      { matcher: { wildcard: 'dir/*.png' }, value: 'dir/image.png', matches: true },
      { matcher: { wildcard: 'dir/*.png' }, value: 'dir/sub/image.png', matches: true },
      { matcher: { wildcard: 'dir/*.png' }, value: 'other/image.png', matches: false },
      { matcher: { wildcard: 'dir/*.png' }, value: 'dir/image.png.bak', matches: false },
      { matcher: { wildcard: '*' }, value: '', matches: true },
      { matcher: { wildcard: '*' }, value: 5, matches: false },
      { matcher: { wildcard: 'Simple*Service' }, value: 'SimpleQueueService', matches: true },
      { matcher: { wildcard: 'Simple*Service' }, value: 'SimpleService', matches: true },
      { matcher: { wildcard: '*Title*' }, value: 'The Title Here', matches: true },
      { matcher: { wildcard: 'a*b*c' }, value: 'abc', matches: true },
      { matcher: { wildcard: 'a*b*c' }, value: 'acb', matches: false },
      { matcher: { wildcard: 'a.c' }, value: 'abc', matches: false },
      { matcher: { wildcard: 'a(b)+' }, value: 'a(b)+', matches: true },
      { matcher: { wildcard: 'price\\*' }, value: 'price*', matches: true },
      { matcher: { wildcard: 'price\\*' }, value: 'prices', matches: false },
      { matcher: { wildcard: 'back\\\\slash' }, value: 'back\\slash', matches: true },
      { matcher: { wildcard: '*\\**' }, value: 'a*b', matches: true },
      { matcher: { wildcard: '*\\**' }, value: 'ab', matches: false },
    ]),
  )('$title → $matches', check);
});
