import { createHash } from 'node:crypto';

// Pure: what an idempotent request is named by and compared with (a retried request names the same
// resource without a lookup table; the same key with another body is another request).

/** A fingerprint of what a request asks (its parsed body, defaults applied), to tell a retry from a reuse. */
export const requestFingerprint = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * An id derived from a resource kind and the parts that name it (an order and an Idempotency-Key):
 * `<prefix>_<length base64url characters of SHA-256>`, so the same request names the same resource.
 */
export const derivedId = (prefix: string, kind: string, parts: readonly string[], length: number): string =>
  `${prefix}_${createHash('sha256')
    .update([kind, ...parts].join('\n'))
    .digest('base64url')
    .slice(0, length)}`;
