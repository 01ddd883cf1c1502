import type { z } from 'zod';
import type { App } from '#app/definition.ts';
import type { ProblemStatus } from './problem.ts';

type RouteKeyOf<R> = R extends {
  readonly method: infer M extends string;
  readonly path: infer P extends string;
}
  ? P extends '$default'
    ? never
    : `${M} ${P}`
  : never;

/** Every route key of the definition but `$default` (`GET /products/{productId}`): a typo does not compile. */
export type ContractRouteKey = RouteKeyOf<App['routes'][number]>;

/** One success response: a JSON body from a zod schema, another media type, or no body at all. */
export interface ContractResponse {
  readonly description: string;
  /** The body; rendered as `application/json` unless `contentType` names other media types. */
  readonly schema?: z.ZodType;
  readonly contentType?: string | readonly string[];
  /** Response headers worth a client's attention (`location`, `idempotent-replayed`). */
  readonly headers?: z.ZodObject;
}

/** What a request may carry, as the very schemas the handler parses it with. */
export interface ContractRequest {
  readonly path?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly headers?: z.ZodObject;
  /** A JSON body. Bodies bring the 400 and 413 problems with them. */
  readonly body?: z.ZodType;
}

/**
 * One operation of the HTTP API, declared once. The route's access (and so its security) comes from
 * the definition; 400/401/403/413/500 are added from the request and the access, so `problems` lists
 * only what the operation itself decides (e.g. `404: ['product_not_found']`).
 */
export interface ContractOperation {
  readonly route: ContractRouteKey;
  /** camelCase, unique: the method name generated clients use. */
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly [string, ...string[]];
  readonly request?: ContractRequest;
  readonly responses: Readonly<Record<number, ContractResponse>>;
  /** Problem statuses this operation answers with, each with its stable `code`s. */
  readonly problems?: Readonly<Partial<Record<ProblemStatus, readonly string[]>>>;
}

/** Declares a context's operations; only there to type-check each entry where it is written. */
export const defineOperations = <const T extends readonly ContractOperation[]>(operations: T): T =>
  operations;
