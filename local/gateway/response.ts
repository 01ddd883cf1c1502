/** What the gateway writes back to the client. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}

/** API Gateway's own answers (401, 404, 413, 429, 500): a JSON `{"message": …}` body. */
export const gatewayResponse = (
  statusCode: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify({ message })),
});

export const internalServerError = (): HttpResponse => gatewayResponse(500, 'Internal Server Error');

// Framing is API Gateway's job: it sets its own length and connection handling.
const DROPPED = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * Translates a function's result as API Gateway does for payload format 2.0. A JSON object with a
 * `statusCode` is a structured response (an invalid one is a 500); anything else is the body of a
 * 200 `application/json` response, exactly as the function's JSON payload reads.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (isRecord(result) && 'statusCode' in result) return structured(result) ?? internalServerError();
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    // Lambda serialises a handler's `undefined` as `null`; API Gateway passes that payload through.
    body: Buffer.from(JSON.stringify(result) ?? 'null'),
  };
}

function structured(result: Record<string, unknown>): HttpResponse | undefined {
  const { statusCode, headers = {}, cookies = [], body, isBase64Encoded = false } = result;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return undefined;
  }
  if (!isRecord(headers) || !Object.values(headers).every(isScalar)) return undefined;
  if (!Array.isArray(cookies) || !cookies.every((c) => typeof c === 'string')) return undefined;
  if (
    (body !== undefined && body !== null && typeof body !== 'string') ||
    typeof isBase64Encoded !== 'boolean'
  ) {
    return undefined;
  }
  // Format 2.0 has no `multiValueHeaders`: API Gateway ignores the field, and so does the gateway.
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!DROPPED.has(name.toLowerCase())) out[name.toLowerCase()] = String(value);
  }
  out['content-type'] ??= 'text/plain; charset=utf-8';
  if (cookies.length > 0) out['set-cookie'] = [...[out['set-cookie'] ?? []].flat(), ...cookies];
  const text = body ?? '';
  return { statusCode, headers: out, body: Buffer.from(text, isBase64Encoded ? 'base64' : 'utf8') };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
