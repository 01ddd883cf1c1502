import { invalidRequest, StripeApiError } from './errors.ts';

/** A response saved under an idempotency key, replayed byte for byte. */
export interface SavedResponse {
  readonly endpoint: string;
  readonly params: string;
  readonly status: number;
  readonly body: string;
  readonly requestId: string;
}

export interface IdempotencyStore {
  /** The saved response for the key, or undefined; a key reused for another request is a 400. */
  lookup(key: string, endpoint: string, params: string): SavedResponse | undefined;
  save(key: string, response: SavedResponse): void;
}

// Stripe keeps keys for 24 hours; locally the oldest go once there are this many.
const MAX_KEYS = 10_000;
const MAX_KEY_LENGTH = 255;

/** A canonical form of the decoded parameters, so the order they were sent in does not matter. */
export const canonicalParams = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const idempotencyError = (message: string) =>
  new StripeApiError(400, { type: 'idempotency_error', message }, true);

/** Stripe's idempotency: the same key and request replays the first result; other params are refused. */
export const createIdempotencyStore = (): IdempotencyStore => {
  const saved = new Map<string, SavedResponse>();
  return {
    lookup: (key, endpoint, params) => {
      if (key.length > MAX_KEY_LENGTH)
        throw invalidRequest(
          undefined,
          `Invalid Idempotency-Key: must be at most ${MAX_KEY_LENGTH} characters.`,
          undefined,
          true,
        );
      const hit = saved.get(key);
      if (!hit) return undefined;
      if (hit.endpoint !== endpoint)
        throw idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${hit.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      if (hit.params !== params)
        throw idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      return hit;
    },
    save: (key, response) => {
      saved.set(key, response);
      if (saved.size > MAX_KEYS) saved.delete(saved.keys().next().value as string);
    },
  };
};
