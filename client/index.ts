import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { components, operations, paths } from './schema.d.ts';

/** A client of the commerce API whose paths, parameters, bodies and answers are typed by the contract. */
export type ApiClient = Client<paths>;

/**
 * A typed client of the API at `baseUrl` (e.g. `http://127.0.0.1:3000` or the stage's URL); `token`, when
 * given, goes with every request as a bearer token. Types come from `client/schema.d.ts`, generated from
 * the OpenAPI document by `npm run contract`.
 */
export const createApiClient = (baseUrl: string, token?: string): ApiClient =>
  createClient<paths>({ baseUrl, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
