import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '#local/eventbridge/errors.ts';
import { parsePattern, validatePattern } from '#local/eventbridge/pattern.ts';

const reasonFor = (pattern: unknown, dialect?: 'rule' | 'pipe'): string => {
  try {
    validatePattern(pattern, { dialect });
  } catch (error) {
    if (error instanceof InvalidEventPatternError) return error.reason;
    throw error;
  }
  throw new Error('the pattern was accepted');
};

describe('validatePattern', () => {
  it.each([
    { name: 'not an object', pattern: ['source'], reason: 'Filter is not an object' },
    { name: 'null', pattern: null, reason: 'Filter is not an object' },
    { name: 'an empty pattern', pattern: {}, reason: 'Empty objects are not allowed' },
    { name: 'an empty nested object', pattern: { detail: {} }, reason: 'Empty objects are not allowed' },
    {
      name: 'a bare value',
      pattern: { source: 'aws.ec2' },
      reason: '"source" must be an object or an array',
    },
    { name: 'an empty array', pattern: { source: [] }, reason: 'Empty arrays are not allowed' },
    {
      name: 'an array in an array',
      pattern: { source: [['a']] },
      reason: 'Match value must be String, number, true, false, or null',
    },
    { name: 'an empty match expression', pattern: { a: [{}] }, reason: 'Match expression name not found' },
    {
      name: 'an unknown operator',
      pattern: { a: [{ contains: 'x' }] },
      reason: 'Unrecognized match type contains',
    },
    {
      name: 'two operators in one object',
      pattern: { a: [{ prefix: 'a', suffix: 'b' }] },
      reason: 'Only one key allowed in match expression',
    },
    {
      name: 'a numeric prefix',
      pattern: { a: [{ prefix: 1 }] },
      reason: 'prefix match pattern must be a string',
    },
    {
      name: 'a null suffix',
      pattern: { a: [{ suffix: null }] },
      reason: 'suffix match pattern must be a string',
    },
    {
      name: 'prefix with another nested operator',
      pattern: { a: [{ prefix: { wildcard: 'x' } }] },
      reason: 'Unsupported prefix pattern: wildcard',
    },
    {
      name: 'suffix with an empty object',
      pattern: { a: [{ suffix: {} }] },
      reason: 'Suffix expression name not found',
    },
    {
      name: 'a numeric equals-ignore-case',
      pattern: { a: [{ 'equals-ignore-case': 1 }] },
      reason: 'equals-ignore-case match pattern must be a string',
    },
    {
      name: 'exists with a string',
      pattern: { a: [{ exists: 'true' }] },
      reason: 'exists match pattern must be either true or false.',
    },
    {
      name: 'a non-string cidr',
      pattern: { a: [{ cidr: 10 }] },
      reason: 'cidr match pattern must be a string',
    },
  ])('rejects $name', ({ pattern, reason }) => {
    expect(reasonFor(pattern)).toBe(reason);
  });

  it.each([
    { wildcard: 'a**b', reason: 'Consecutive wildcard characters at pos 2' },
    { wildcard: '**', reason: 'Consecutive wildcard characters at pos 1' },
    { wildcard: 'a\\b', reason: 'Invalid escape character at pos 2' },
    { wildcard: 'trailing\\', reason: 'Invalid escape character at pos 9' },
    { wildcard: 5, reason: 'wildcard match pattern must be a string' },
  ])('rejects the wildcard $wildcard', ({ wildcard, reason }) => {
    expect(reasonFor({ a: [{ wildcard }] })).toBe(reason);
    expect(reasonFor({ a: [{ 'anything-but': { wildcard } }] })).toBe(reason);
  });

  it.each([
    { numeric: '>5', reason: 'Value of numeric must be an array.' },
    { numeric: [], reason: 'Invalid member in numeric match: undefined' },
    { numeric: [5, '>'], reason: 'Invalid member in numeric match: 5' },
    { numeric: ['!=', 5], reason: 'Unrecognized numeric range operator: !=' },
    { numeric: ['>', '5'], reason: 'Value of > must be numeric' },
    { numeric: ['=', '5'], reason: 'Value of equals must be numeric' },
    { numeric: ['=', 5, '<', 6], reason: 'Too many elements in numeric expression' },
    { numeric: ['<', 5, '>', 0], reason: 'Too many elements in numeric expression' },
    { numeric: ['>', 0, '>', 5], reason: 'Bad numeric range operator: >' },
    { numeric: ['>', 0, 5], reason: 'Bad value in numeric range: 5' },
    { numeric: ['>', 0, '<', 'x'], reason: 'Value of < must be numeric' },
    { numeric: ['>', 0, '<', 5, 6], reason: 'Too many terms in numeric range expression' },
    { numeric: ['>', 5, '<', 5], reason: 'Bottom must be less than top' },
    { numeric: ['>', 6e9], reason: 'Value must be between -5.0E9 and 5.0E9, inclusive' },
    { numeric: ['=', 0.0000001], reason: 'Only values upto 6 decimals are supported' },
  ])('rejects numeric $numeric', ({ numeric, reason }) => {
    expect(reasonFor({ a: [{ numeric }] })).toBe(reason);
  });

  it.each([
    { operand: true, reason: 'Value of anything-but must be an array or single string/number value.' },
    { operand: null, reason: 'Value of anything-but must be an array or single string/number value.' },
    {
      operand: ['a', 1],
      reason: 'Inside anything but list, either all values are number or string, mixed type is not supported',
    },
    {
      operand: [],
      reason: 'Inside anything but list, either all values are number or string, mixed type is not supported',
    },
    { operand: ['a', null], reason: 'Inside anything but list, start|null|boolean is not supported.' },
    { operand: [7e9], reason: 'Value must be between -5.0E9 and 5.0E9, inclusive' },
    { operand: {}, reason: 'Anything-But expression name not found' },
    { operand: { numeric: ['>', 1] }, reason: 'Unsupported anything-but pattern: numeric' },
    { operand: { prefix: '' }, reason: 'Null prefix/suffix not allowed' },
    { operand: { suffix: [''] }, reason: 'Null prefix/suffix not allowed' },
    { operand: { prefix: 5 }, reason: 'prefix/suffix match pattern must be a string' },
    {
      operand: { prefix: true },
      reason: 'Value of anything-but must be an array or single string/number value.',
    },
    {
      operand: { 'equals-ignore-case': [1] },
      reason: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    },
    { operand: { prefix: 'a', suffix: 'b' }, reason: 'Too many elements in numeric expression' },
  ])('rejects anything-but $operand', ({ operand, reason }) => {
    expect(reasonFor({ a: [{ 'anything-but': operand }] })).toBe(reason);
  });

  it.each([
    { cidr: '10.0.0.0', reason: "Malformed CIDR, one '/' required" },
    { cidr: '10.0.0.0/x', reason: 'Malformed CIDR, mask bits must be an integer' },
    { cidr: '10.0.0.0/-1', reason: 'Malformed CIDR, mask bits must not be negative' },
    { cidr: '10.0.0.0/32', reason: 'IPv4 mask bits must be < 32' },
    { cidr: '::/128', reason: 'IPv6 mask bits must be < 128' },
    { cidr: 'example.com/8', reason: 'Nonstandard IP address: example.com' },
    { cidr: '300.0.0.0/8', reason: 'Nonstandard IP address: 300.0.0.0' },
    { cidr: '1:2:3/64', reason: 'Nonstandard IP address: 1:2:3' },
  ])('rejects the cidr $cidr', ({ cidr, reason }) => {
    expect(reasonFor({ a: [{ cidr }] })).toBe(reason);
  });

  it.each([
    { pattern: { $or: { a: ['x'] } }, reason: 'It must be an Array followed with $or.' },
    { pattern: { $or: [{ a: ['x'] }] }, reason: 'There must have at least 2 Objects in $or relationship.' },
    {
      pattern: { $or: [{ a: ['x'] }, 'b'] },
      reason: 'Only JSON object is allowed in array of $or relationship.',
    },
    { pattern: { $or: [{ a: ['x'] }, {}] }, reason: 'Empty objects are not allowed' },
    {
      pattern: { $or: [{ a: ['x'] }, { prefix: ['y'] }] },
      reason: 'prefix is Ruler reserved fieldName which cannot be used inside $or.',
    },
    {
      pattern: { $or: [{ a: ['x'] }, { b: { numeric: ['y'] } }] },
      reason: 'numeric is Ruler reserved fieldName which cannot be used inside $or.',
    },
  ])('rejects $pattern', ({ pattern, reason }) => {
    expect(reasonFor(pattern)).toBe(reason);
  });

  it('accepts reserved words as field names outside $or', () => {
    expect(() => validatePattern({ prefix: ['x'], detail: { numeric: [1] } })).not.toThrow();
  });

  it.each([{ a: [{ wildcard: 'x*' }] }, { a: [{ 'anything-but': { prefix: 'x' } }] }])(
    'rejects $a in the pipe dialect but not on a rule',
    (pattern) => {
      expect(() => validatePattern(pattern)).not.toThrow();
      expect(() => validatePattern(pattern, { dialect: 'pipe' })).toThrow(InvalidEventPatternError);
    },
  );

  it('says where the problem is and words the message like AWS', () => {
    const error = (() => {
      try {
        validatePattern({ detail: { pipeline: { slug: 'some-pipeline' } } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toMatchObject({
      name: 'InvalidEventPatternError',
      path: 'detail.pipeline.slug',
      message:
        'Event pattern is not valid. Reason: "slug" must be an object or an array (at detail.pipeline.slug)',
    });
  });

  it('rejects pattern text that is not JSON', () => {
    expect(() => parsePattern('{"source": [')).toThrow(InvalidEventPatternError);
  });
});
