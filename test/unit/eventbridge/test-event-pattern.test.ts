import { describe, expect, it } from 'vitest';
import { AwsError } from '#local/eventbridge/aws-error.ts';
import { testEventPattern } from '#local/eventbridge/test-event-pattern.ts';
import { ec2Event } from './fixtures.ts';

const rejection = (input: Record<string, unknown>): AwsError => {
  try {
    testEventPattern(input);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
};

describe('TestEventPattern', () => {
  const event = JSON.stringify(ec2Event);

  it.each([
    { pattern: { source: ['aws.ec2'] }, result: true },
    { pattern: { source: ['aws.s3'] }, result: false },
  ])('answers $result for $pattern', ({ pattern, result }) => {
    expect(testEventPattern({ EventPattern: JSON.stringify(pattern), Event: event })).toEqual({
      Result: result,
    });
  });

  it('accepts an event without resources, as AWS does', () => {
    const { resources: _, ...withoutResources } = ec2Event;
    const input = { EventPattern: '{"source":["aws.ec2"]}', Event: JSON.stringify(withoutResources) };
    expect(testEventPattern(input)).toEqual({ Result: true });
  });

  it.each(['id', 'account', 'source', 'time', 'region', 'detail-type'])(
    'rejects an event without %s',
    (field) => {
      const incomplete = Object.fromEntries(Object.entries(ec2Event).filter(([key]) => key !== field));
      expect(
        rejection({ EventPattern: '{"source":["aws.ec2"]}', Event: JSON.stringify(incomplete) }),
      ).toMatchObject({
        code: 'ValidationException',
        message: 'Parameter Event is not valid.',
      });
    },
  );

  it.each(['not json', '[1]', 'null'])('rejects the event text %s', (text) => {
    expect(rejection({ EventPattern: '{"source":["aws.ec2"]}', Event: text }).code).toBe(
      'ValidationException',
    );
  });

  it.each([
    {
      text: '{"source": "aws.ec2"}',
      message: 'Event pattern is not valid. Reason: "source" must be an object or an array (at source)',
    },
    { text: '{}', message: 'Event pattern is not valid. Reason: Empty objects are not allowed' },
  ])('rejects the pattern $text with InvalidEventPatternException', ({ text, message }) => {
    expect(rejection({ EventPattern: text, Event: event })).toMatchObject({
      code: 'InvalidEventPatternException',
      message,
    });
  });

  it('rejects pattern text that is not JSON with InvalidEventPatternException', () => {
    expect(rejection({ EventPattern: '{"source": [', Event: event }).code).toBe(
      'InvalidEventPatternException',
    );
  });

  it('rejects a call without a pattern or an event', () => {
    expect(rejection({ Event: event }).code).toBe('ValidationException');
    expect(rejection({ EventPattern: '{"source":["x"]}' }).code).toBe('ValidationException');
  });
});
