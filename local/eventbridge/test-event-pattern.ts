import type { TestEventPatternResponse } from '@aws-sdk/client-eventbridge';
import { AwsError, missingMember } from './aws-error.ts';
import { InvalidEventPatternError } from './errors.ts';
import { parsePattern } from './pattern.ts';

/**
 * The envelope fields AWS insists on. Its API reference also lists `resources`, but the service
 * accepts events without it, so this does too.
 */
const MANDATORY = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

const invalidEvent = (): AwsError => new AwsError('ValidationException', 'Parameter Event is not valid.');

const parseEvent = (text: string): Record<string, unknown> => {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw invalidEvent();
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw invalidEvent();
  if (!MANDATORY.every((field) => Object.hasOwn(event, field))) throw invalidEvent();
  return event as Record<string, unknown>;
};

/** TestEventPattern: the same matcher the rules use, answering `{ Result }`. */
export const testEventPattern = (input: Readonly<Record<string, unknown>>): TestEventPatternResponse => {
  const { EventPattern: patternText, Event: eventText } = input;
  if (typeof patternText !== 'string') throw missingMember('eventPattern');
  if (typeof eventText !== 'string') throw missingMember('event');
  let pattern: ReturnType<typeof parsePattern>;
  try {
    pattern = parsePattern(patternText);
  } catch (error) {
    if (error instanceof InvalidEventPatternError)
      throw new AwsError('InvalidEventPatternException', error.message);
    throw error;
  }
  return { Result: pattern.matches(parseEvent(eventText)) };
};
