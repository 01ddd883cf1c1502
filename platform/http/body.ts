import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { ValidationError } from '../errors/index.ts';
import { parseInput } from '../errors/parse-input.ts';

/** The body as text, decoded when the gateway base64-encoded it. */
export const rawBody = (event: APIGatewayProxyEventV2): string =>
  event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';

/** Parses a JSON body with a zod schema; a missing or malformed body is a 400, never a 500. */
export const jsonBody = <S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody(event));
  } catch {
    throw new ValidationError('The body must be a JSON object', [{ path: 'body', message: 'invalid JSON' }]);
  }
  return parseInput(schema, parsed, 'body');
};
