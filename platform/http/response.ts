import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A JSON response in API Gateway's payload format 2.0. */
export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A problem+json response (RFC 9457). */
export const problem = (
  statusCode: number,
  body: Record<string, unknown>,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify(body),
});
