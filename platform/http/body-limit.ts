import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError } from '../errors/index.ts';

/** Default body limit: generous for JSON, far below Lambda's 6 MB invoke payload. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/** Refuses a body over the limit with a 413, before any parsing work is done. */
export const checkBodyLimit = (
  event: APIGatewayProxyEventV2,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
): void => {
  if (!event.body) return;
  const size = event.isBase64Encoded
    ? Buffer.byteLength(event.body, 'base64')
    : Buffer.byteLength(event.body);
  if (size > limitBytes) throw new PayloadTooLargeError(limitBytes);
};
