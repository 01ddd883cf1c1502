import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '#local/eventbridge/errors.ts';
import { compilePattern, matchesPattern, validatePattern } from '#local/eventbridge/pattern.ts';

type Scalar = string | number | boolean | null;
type Tree = { [key: string]: Scalar | Scalar[] | Tree };

// `$or` is the one key a pattern reads as an operator, so generated field names avoid it.
const key = fc.string({ maxLength: 8 }).filter((k) => k !== '$or');
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const leaf = fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 4 }));
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('tree')), { minKeys: 1, maxKeys: 5 }),
}));

/** The pattern that asks for exactly the event's own values, field by field. */
const patternOf = (event: Tree): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(event).map(([k, v]) => [
      k,
      Array.isArray(v) ? v : v !== null && typeof v === 'object' ? patternOf(v) : [v],
    ]),
  );

const fieldEvent = (value: unknown) => ({ field: value });
const fieldPattern = (matcher: unknown) => ({ field: [matcher] });

describe('event pattern properties', () => {
  it('a pattern built from an event’s own values matches that event', () => {
    fc.assert(fc.property(tree, (event) => matchesPattern(patternOf(event), event)));
  });

  it('a pattern of an event’s values does not match once a required field is removed', () => {
    fc.assert(
      fc.property(tree, (event) => {
        const [first] = Object.keys(event);
        fc.pre(first !== undefined);
        const { [first as string]: _, ...rest } = event;
        return !matchesPattern(patternOf(event), rest);
      }),
    );
  });

  it('anything-but a string never matches that string, and always matches another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (value, other) => {
        const pattern = fieldPattern({ 'anything-but': value });
        expect(matchesPattern(pattern, fieldEvent(value))).toBe(false);
        expect(matchesPattern(pattern, fieldEvent(other))).toBe(other !== value);
      }),
    );
  });

  it('every prefix and suffix of a string matches it, in any case with equals-ignore-case', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (value, cut) => {
        const at = cut % (value.length + 1);
        const event = fieldEvent(value);
        expect(matchesPattern(fieldPattern({ prefix: value.slice(0, at) }), event)).toBe(true);
        expect(matchesPattern(fieldPattern({ suffix: value.slice(at) }), event)).toBe(true);
        expect(
          matchesPattern(
            fieldPattern({ 'equals-ignore-case': value.toUpperCase() }),
            fieldEvent(value.toLowerCase()),
          ),
        ).toBe(true);
      }),
    );
  });

  it('an escaped string is a wildcard that matches only itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (value, extra) => {
        const wildcard = value.replace(/[\\*]/g, '\\$&');
        expect(matchesPattern(fieldPattern({ wildcard }), fieldEvent(value))).toBe(true);
        expect(matchesPattern(fieldPattern({ wildcard }), fieldEvent(value + extra))).toBe(false);
      }),
    );
  });

  it('a numeric range matches exactly the numbers inside it', () => {
    const bound = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(bound, bound, bound, (a, b, x) => {
        fc.pre(a < b);
        const inside = x > a && x <= b;
        return matchesPattern(fieldPattern({ numeric: ['>', a, '<=', b] }), fieldEvent(x)) === inside;
      }),
    );
  });

  it('$or matches exactly when one of its branches matches', () => {
    const small = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(small, small, fc.record({ x: small, y: small }), (wantX, wantY, event) => {
        const left = { x: [wantX] };
        const right = { y: [wantY] };
        const either = matchesPattern(left, event) || matchesPattern(right, event);
        return matchesPattern({ $or: [left, right] }, event) === either;
      }),
    );
  });

  it('rejects malformed patterns only with InvalidEventPatternError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (pattern) => {
        try {
          validatePattern(pattern);
        } catch (error) {
          return error instanceof InvalidEventPatternError;
        }
        return true;
      }),
    );
  });

  it('never throws while matching any JSON event', () => {
    const pattern = compilePattern({
      detail: { a: [{ prefix: 'x' }, { numeric: ['>', 1] }, { exists: false }, { cidr: '10.0.0.0/8' }] },
      $or: [{ b: [{ wildcard: '*z*' }] }, { c: [{ 'anything-but': { suffix: '.png' } }] }],
    });
    fc.assert(fc.property(fc.jsonValue(), (event) => typeof pattern.matches(event) === 'boolean'));
  });
});
