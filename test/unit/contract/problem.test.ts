import { describe, expect, it } from 'vitest';
import { productPath } from '#contexts/catalog/operations/paths.ts';
import { problemSchema } from '#platform/contract/problem.ts';
import { problemsOf } from '#platform/contract/problems.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnprocessableError,
  ValidationError,
} from '#platform/errors/index.ts';

describe('problem schema', () => {
  it.each([
    new ValidationError('Invalid query', [{ path: 'query.limit', message: 'Too big' }]),
    new UnauthorizedError(),
    new UnauthorizedError('The bearer token was refused: the token has expired', 'invalid_token'),
    new ForbiddenError(),
    new NotFoundError('Product p1 does not exist', 'product_not_found'),
    new ConflictError('Changed', 'version_conflict'),
    new PayloadTooLargeError(1024),
    new UnprocessableError('Too many', 'address_limit_reached'),
  ])('describes what $name sends', (error) => {
    expect(problemSchema.parse(error.toJSON())).toEqual(error.toJSON());
  });
});

describe('problemsOf', () => {
  const base = {};

  it('gives a public operation without input only the 500', () => {
    expect([...problemsOf(base, 'public')]).toEqual([[500, ['internal_error']]]);
  });

  it('adds the function’s own 401 invalid_token to every route that takes a token', () => {
    expect([...problemsOf(base, 'optional')]).toEqual([
      [401, ['invalid_token']],
      [500, ['internal_error']],
    ]);
    expect(problemsOf(base, 'customer').get(401)).toEqual(['invalid_token']);
    expect(problemsOf(base, 'public').has(401)).toBe(false);
  });

  it('adds 400 for input, 401 and 403 for admin routes and merges declared codes in status order', () => {
    const problems = problemsOf(
      {
        ...base,
        request: { path: productPath },
        problems: { 404: ['product_not_found'], 400: ['invalid_cursor', 'validation_failed'] },
      },
      'admin',
    );
    expect([...problems]).toEqual([
      [400, ['validation_failed', 'invalid_cursor']],
      [401, ['invalid_token']],
      [403, ['forbidden']],
      [404, ['product_not_found']],
      [500, ['internal_error']],
    ]);
  });
});
