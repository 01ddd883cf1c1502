import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A request as API Gateway's edge has received it, before any route is chosen. */
export interface GatewayRequest {
  readonly method: string;
  /** Percent-decoded, as HTTP APIs deliver it (`/a%20b` → `/a b`). */
  readonly rawPath: string;
  /** As received, without the `?`. */
  readonly rawQueryString: string;
  /** Lower-case names; repeated headers kept apart, in the order received. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
  readonly receivedAt: Date;
  readonly requestId: string;
}

/** HTTP APIs accept request payloads up to 10 MB; anything larger is refused with 413. */
export const PAYLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

// Connection-level headers end at API Gateway's edge; they never reach the integration.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The whole body, or undefined when it exceeds `limit`. An oversized body is still drained (not kept)
 * so the client reads the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/** An id shaped like API Gateway's (`Mc7UVioPPHcEKPA=`): 16 base64 characters. */
export const newRequestId = (): string => randomBytes(11).toString('base64');

/** Splits the request-target into API Gateway's `rawPath` (decoded) and `rawQueryString` (raw). */
export function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const rawQueryString = at === -1 ? '' : target.slice(at + 1);
  try {
    return { rawPath: decodeURIComponent(path), rawQueryString };
  } catch {
    // A malformed escape (`%zz`) stays as sent rather than failing the request.
    return { rawPath: path, rawQueryString };
  }
}

/** The request with the headers API Gateway adds on the way in (`x-forwarded-*`, `x-amzn-trace-id`). */
export function toGatewayRequest(
  req: IncomingMessage,
  body: Buffer,
  meta: { readonly requestId: string; readonly receivedAt: Date; readonly port: number },
): GatewayRequest {
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values && !HOP_BY_HOP.has(name)) headers[name] = [...values];
  }
  headers['x-forwarded-for'] = [[...(headers['x-forwarded-for'] ?? []), sourceIp].join(', ')];
  headers['x-forwarded-port'] = [String(meta.port)];
  headers['x-forwarded-proto'] = ['http'];
  headers['x-amzn-trace-id'] ??= [traceId(meta.receivedAt)];
  if (body.length > 0) headers['content-length'] = [String(body.length)];
  return {
    method: req.method ?? 'GET',
    ...splitTarget(req.url ?? '/'),
    headers,
    body,
    sourceIp,
    protocol: `HTTP/${req.httpVersion}`,
    receivedAt: meta.receivedAt,
    requestId: meta.requestId,
  };
}

const traceId = (at: Date): string =>
  `Root=1-${Math.floor(at.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
