import { describe, expect, it } from 'vitest';
import { readBatchResponse } from '#local/sqs/batch-response.ts';

const ids = ['a', 'b', 'c'];

describe('readBatchResponse', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['a null batchItemFailures', { batchItemFailures: null }],
    ['an empty batchItemFailures', { batchItemFailures: [] }],
  ])('treats %s as success of the whole batch', (_, response) => {
    expect(readBatchResponse(response, ids)).toStrictEqual({ kind: 'partial', failed: new Set() });
  });

  it('fails only the reported messages', () => {
    const response = {
      batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }, { itemIdentifier: 'b' }],
    };
    expect(readBatchResponse(response, ids)).toStrictEqual({ kind: 'partial', failed: new Set(['b', 'c']) });
  });

  it.each([
    ['an identifier not in the batch', { batchItemFailures: [{ itemIdentifier: 'z' }] }],
    ['an empty identifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null identifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a misnamed identifier key', { batchItemFailures: [{ messageId: 'a' }] }],
    ['a bare id instead of an object', { batchItemFailures: ['a'] }],
    ['batchItemFailures that is not an array', { batchItemFailures: { itemIdentifier: 'a' } }],
    ['a response that is not an object', 'ok'],
    ['an array response', [{ itemIdentifier: 'a' }]],
  ])('fails the whole batch on %s', (_, response) => {
    expect(readBatchResponse(response, ids)).toMatchObject({ kind: 'failed' });
  });

  it('fails the whole batch when one of several identifiers is unknown', () => {
    const response = { batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'nope' }] };
    expect(readBatchResponse(response, ids)).toMatchObject({ kind: 'failed' });
  });
});
