import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { ProblemStatus } from '../contract/problem.ts';
import type { Access } from '../definition/access.ts';
import type { Caller } from './identity.ts';

export type OperationMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The API Gateway route key an operation serves: `GET /products/{productId}`. `$default` is HTTP API's
 * catch-all route (whatever no other route takes); it is served like any operation but has no place in
 * the contract.
 */
export type OperationRoute = `${OperationMethod} /${string}` | '$default';

/** One success response: a JSON body from a zod schema, another media type, or no body at all. */
export interface OperationResponse {
  readonly description: string;
  /** The body; rendered as `application/json` unless `contentType` names other media types. */
  readonly schema?: z.ZodType;
  readonly contentType?: string | readonly string[];
  /** Response headers worth a client's attention (`location`, `idempotent-replayed`). */
  readonly headers?: z.ZodObject;
}

/** What a request may carry, as the very schemas the router parses it with. */
export interface OperationRequest {
  /** Path parameters; parsed by the router (400 `validation_failed` when they do not match). */
  readonly path?: z.ZodObject;
  /** Query parameters; parsed by the router. */
  readonly query?: z.ZodObject;
  /** Headers the operation reads (documented; the operation reads them from the event). */
  readonly headers?: z.ZodObject;
  /** A JSON body, parsed by the router. Bodies bring the 400 and 413 problems with them. */
  readonly body?: z.ZodType;
  /** The largest body accepted (413 beyond); 256 KiB when absent. */
  readonly bodyLimitBytes?: number;
}

type Parsed<R, K extends keyof OperationRequest> = R extends { readonly [P in K]: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

/** What an operation's logic receives: its validated input, the verified caller and the raw event. */
export interface OperationInput<P = unknown, Q = unknown, B = unknown, C = Caller | undefined> {
  readonly path: P;
  readonly query: Q;
  readonly body: B;
  /** The signed-in caller: always on `customer` and `admin` routes, on `optional` ones with a token. */
  readonly caller: C;
  /** The API Gateway event, for headers. */
  readonly event: APIGatewayProxyEventV2;
}

/**
 * One operation of the HTTP API, declared once: its route and who may call it, its contract (operationId,
 * schemas, problems) and its logic. The function's router, the OpenAPI document and API Gateway's routes
 * and authorizers all read this one object. 400/401/403/413/500 are added to the contract from the request
 * and the access, so `problems` lists only what the operation itself decides (`404: ['product_not_found']`).
 */
export interface Operation<S = unknown> {
  readonly route: OperationRoute;
  readonly access: Access;
  /** camelCase, unique: the method name generated clients use. */
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly [string, ...string[]];
  readonly request?: OperationRequest;
  readonly responses: Readonly<Record<number, OperationResponse>>;
  /** Problem statuses this operation answers with, each with its stable `code`s. */
  readonly problems?: Readonly<Partial<Record<ProblemStatus, readonly string[]>>>;
  /** The logic: input already parsed and access already checked; `services` are the function's. */
  handle(input: OperationInput, services: S): Promise<APIGatewayProxyStructuredResultV2>;
}

/** Who the logic can count on knowing: routes behind the authorizer always have a caller. */
type CallerOf<A extends Access> = A extends 'customer' | 'admin' ? Caller : Caller | undefined;

/** An operation as written, its `handle` typed from its request schemas and its access. */
export type OperationSpec<S, R extends OperationRequest, A extends Access> = Omit<
  Operation<S>,
  'request' | 'handle' | 'access'
> & {
  readonly access: A;
  readonly request?: R;
  handle(
    input: OperationInput<Parsed<R, 'path'>, Parsed<R, 'query'>, Parsed<R, 'body'>, CallerOf<A>>,
    services: S,
  ): Promise<APIGatewayProxyStructuredResultV2>;
};

/**
 * The operation builder of one function's services: `const adminOperation = operationOf<AdminServices>()`,
 * then `export const getThing = adminOperation({ route: 'GET /things/{id}', … })`. It only types the
 * object where it is written (the input from the request schemas, the services from the function).
 */
export const operationOf =
  <S>() =>
  <const R extends OperationRequest = Record<never, never>, const A extends Access = Access>(
    spec: OperationSpec<S, R, A>,
  ): Operation<S> =>
    spec as unknown as Operation<S>;
