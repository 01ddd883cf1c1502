import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { ValidationError } from '../errors/index.ts';
import { parseInput } from '../errors/parse-input.ts';

/** An `Idempotency-Key` header value: a client-chosen token, e.g. a UUID. */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'Expected 8–128 characters of [A-Za-z0-9_-]');

/** The request's `Idempotency-Key`, validated (400 when malformed); undefined when absent. */
export const idempotencyKeyOf = (event: Pick<APIGatewayProxyEventV2, 'headers'>): string | undefined => {
  const raw = event.headers?.['idempotency-key'];
  return raw === undefined ? undefined : parseInput(idempotencyKey, raw, 'header.idempotency-key');
};

/** The request's `Idempotency-Key` where one is required: 400 `idempotency_key_required` when absent. */
export const requiredIdempotencyKey = (event: Pick<APIGatewayProxyEventV2, 'headers'>): string => {
  const key = idempotencyKeyOf(event);
  if (key === undefined)
    throw new ValidationError(
      'This request needs an Idempotency-Key header',
      [{ path: 'header.idempotency-key', message: 'Required' }],
      'idempotency_key_required',
    );
  return key;
};

/** The header that tells a client its request was a retry answered with the first result. */
export const replayedHeader = (replayed: boolean): Record<string, string> =>
  replayed ? { 'idempotent-replayed': 'true' } : {};
