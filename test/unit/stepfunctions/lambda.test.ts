import { describe, expect, it } from 'vitest';
import { FunctionError } from '#local/lambda/types.ts';
import { resolveFunction } from '#local/stepfunctions/arns.ts';
import { lambdaStateError } from '#local/stepfunctions/errors.ts';
import { invokeRequest, invokeResult } from '#local/stepfunctions/lambda-invoke.ts';

const arn = 'arn:aws:lambda:us-east-1:123456789012:function:commerce-reserve';
const functionArns = { [arn]: 'reserveStock' };

describe('resolveFunction', () => {
  it.each([
    ['the function ARN', arn, 'reserveStock'],
    ['a qualified ARN', `${arn}:live`, 'reserveStock'],
    ['the deployed function name', 'commerce-reserve', 'reserveStock'],
    ['the definition function name', 'reserveStock', 'reserveStock'],
    [
      'an ARN in another account',
      'arn:aws:lambda:us-east-1:999999999999:function:commerce-reserve',
      undefined,
    ],
    ['an unknown name', 'other', undefined],
  ])('resolves %s', (_, reference, expected) => {
    expect(resolveFunction(reference, functionArns)).toBe(expected);
  });
});

describe('lambdaStateError', () => {
  it('names the state error after the function error type, with the Lambda error payload as cause', () => {
    const error = lambdaStateError(new FunctionError('OutOfStock', 'sold out'));
    expect(error.name).toBe('OutOfStock');
    expect(JSON.parse(error.message)).toMatchObject({ errorType: 'OutOfStock', errorMessage: 'sold out' });
  });

  it('reports a failure of the local runtime itself as a Lambda service error', () => {
    expect(lambdaStateError(new Error('worker crashed')).name).toBe('Lambda.ServiceException');
  });
});

describe('lambda:invoke', () => {
  it('reads the function, payload and invocation type from the evaluated Parameters', () => {
    expect(
      invokeRequest({ FunctionName: arn, Payload: { a: 1 }, InvocationType: 'Event' }, functionArns),
    ).toEqual({
      functionName: 'reserveStock',
      payload: { a: 1 },
      invocationType: 'Event',
    });
  });

  it('fails the state as Lambda would for a function it does not know', () => {
    expect(() => invokeRequest({ FunctionName: 'ghost' }, functionArns)).toThrow(
      expect.objectContaining({ name: 'Lambda.ResourceNotFoundException' }),
    );
  });

  it('shapes the result like the optimized integration: parsed Payload plus SDK metadata', () => {
    const result = invokeResult('RequestResponse', { ok: true });
    expect(result).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { ok: true },
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200, HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST' } },
      SdkResponseMetadata: { RequestId: expect.any(String) },
    });
    expect(invokeResult('Event', '').StatusCode).toBe(202);
  });
});
