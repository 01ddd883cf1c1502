import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { withDetail } from './fixtures.ts';

describe('event pattern: exists', () => {
  it.each([
    { name: 'a string', value: 'x', exists: true },
    { name: 'a number', value: 0, exists: true },
    { name: 'false', value: false, exists: true },
    { name: 'null (a leaf value)', value: null, exists: true },
    { name: 'an empty string', value: '', exists: true },
    { name: 'an array with values', value: ['a'], exists: true },
    { name: 'an empty array (no leaf)', value: [], exists: false },
    { name: 'an object (not a leaf)', value: { c1: 100 }, exists: false },
    { name: 'an array of objects (not leaves)', value: [{ c1: 100 }], exists: false },
    { name: 'a missing field', value: undefined, exists: false },
  ])('treats $name as existing: $exists', ({ value, exists }) => {
    const event = withDetail(value === undefined ? {} : { 'c-count': value });
    expect(matchesPattern({ detail: { 'c-count': [{ exists: true }] } }, event)).toBe(exists);
    expect(matchesPattern({ detail: { 'c-count': [{ exists: false }] } }, event)).toBe(!exists);
  });

  it('matches the guide example: exists false on a field inside a missing object', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    const event = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern(pattern, { ...event, detail: { ...event.detail, 'c-count': { c1: 100 } } })).toBe(
      true,
    );
  });

  it('matches exists false when a parent of the field is missing or a leaf', () => {
    const pattern = { detail: { a: { b: [{ exists: false }] } } };
    expect(matchesPattern(pattern, withDetail({}))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ a: 'leaf' }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ a: { b: 1 } }))).toBe(false);
  });

  it('is ORed with the other values of the field', () => {
    const pattern = { detail: { state: [{ exists: false }, 'running'] } };
    expect(matchesPattern(pattern, withDetail({}))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'stopped' }))).toBe(false);
  });
});

describe('event pattern: null and empty strings', () => {
  const event = withDetail({ eventVersion: '', responseElements: null });

  it.each([
    { pattern: { detail: { eventVersion: [''] } }, matches: true },
    { pattern: { detail: { responseElements: [null] } }, matches: true },
    { pattern: { detail: { eventVersion: [null] } }, matches: false },
    { pattern: { detail: { responseElements: [''] } }, matches: false },
  ])('$pattern → $matches (null and "" are not interchangeable)', ({ pattern, matches }) => {
    expect(matchesPattern(pattern, event)).toBe(matches);
  });
});
