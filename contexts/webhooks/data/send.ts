import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AttemptResult } from '../domain/delivery.ts';
import { TargetCheckUnavailableError, TargetRefusedError } from '../domain/errors.ts';
import type { TargetPolicy } from '../domain/target-url.ts';
import { checkTarget } from './resolve.ts';

/** One attempt's limit: connect, send and the receiver's answer together (Standard Webhooks: short). */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** How much of a receiver's answer is read (and thrown away) before the connection is closed. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** A lookup that answers only the addresses already checked: no second DNS answer can slip in. */
const pinned =
  (addresses: { address: string; family: number }[]): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
  };

const errorText = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ECONNRESET' || /socket hang up/i.test(e.message ?? '')) return 'connection closed';
  return `${e.code ?? e.name ?? 'error'}: ${e.message ?? ''}`.slice(0, 500);
};

/**
 * POSTs a signed body to a webhook URL once: its host is resolved and checked again right now (a DNS
 * answer that turned private since registration is refused, not followed), the connection goes to the
 * checked address, and the whole attempt gets `ATTEMPT_TIMEOUT_MS`. 2xx is delivered; anything else, a
 * timeout, a refused or closed connection is a failed attempt with its reason. Never throws.
 */
export const postWebhook = async (
  target: string,
  headers: Record<string, string>,
  body: string,
  policy: TargetPolicy,
): Promise<AttemptResult> => {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): AttemptResult => ({
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    latencyMs: Date.now() - started,
    error,
  });
  try {
    const url = new URL(target);
    const addresses = await checkTarget(url, policy);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const statusCode = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          lookup: pinned(addresses),
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'commerce-webhooks/1',
          },
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        },
        (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) res.destroy();
          });
          res.on('close', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    return done(statusCode, statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}`);
  } catch (error) {
    if (error instanceof TargetRefusedError || error instanceof TargetCheckUnavailableError)
      return done(null, error.code);
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError')
      return done(null, `timeout after ${ATTEMPT_TIMEOUT_MS} ms`);
    return done(null, errorText(error));
  }
};
