import type { z } from 'zod';
import {
  type CreateDocumentOptions,
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { gatewayAuthorizes } from '#app/access.ts';
import { componentSchemas } from '#app/contract-components.ts';
import { app } from '#app/definition.ts';
import { routeKey } from '#app/environment.ts';
import { operations } from '#app/operations.ts';
import type { Access } from '#app/types.ts';
import type { ContractOperation } from './operation.ts';
import { gatewayErrorSchema, problemSchema } from './problem.ts';
import { problemsOf } from './problems.ts';

/** The contract's version: bump the minor on additions, the major on anything a client would notice. */
export const API_VERSION = '0.1.0';

const TAGS = [
  { name: 'platform', description: 'Health, this contract and its reference page' },
  { name: 'catalog', description: 'Products, variants and prices' },
  { name: 'customers', description: 'The signed-in customer: profile and addresses' },
  {
    name: 'carts',
    description: 'Carts for guests and customers: lines, shipping, codes and server-side totals',
  },
  {
    name: 'checkout',
    description: 'Checkout: a cart becomes an order, its stock held, paid through Stripe.js (SAQ-A)',
  },
  { name: 'orders', description: 'Orders: immutable snapshots of what was paid for, with status history' },
  {
    name: 'payments',
    description: 'Payment provider callbacks (Stripe webhooks); card data never reaches the API',
  },
  { name: 'admin', description: 'Back office: callers in the `admin` group only' },
];

const ACCESS_NOTE: Record<Access, string> = {
  public: '',
  optional:
    'A bearer token is optional: without one the caller is a guest; with one the operation acts for that ' +
    'customer. A token that is presented must be valid (401 `invalid_token` otherwise).',
  customer: 'Needs a bearer token (any signed-in customer).',
  admin: 'Needs a bearer token of a member of the `admin` group.',
};

/** The access the definition gives a contract route (the contract never restates it). */
export const accessOf = (route: string): Access => {
  const found = app.routes.find((r) => routeKey(r) === route);
  if (!found) throw new Error(`The contract names ${route}, which the definition does not route`);
  return found.access;
};

// `{}` is OpenAPI's "no security requirement": an optional route accepts a call with or without a token.
const securityOf = (access: Access): Pick<ZodOpenApiOperationObject, 'security'> => {
  if (access === 'public') return {};
  return { security: access === 'optional' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }] };
};

const contentOf = (schema: z.ZodType, types: string | readonly string[]) =>
  Object.fromEntries([types].flat().map((type) => [type, { schema }]));

const responsesOf = (operation: ContractOperation, access: Access): ZodOpenApiResponsesObject => {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, r] of Object.entries(operation.responses)) {
    responses[status as `2${string}`] = {
      description: r.description,
      ...(r.schema ? { content: contentOf(r.schema, r.contentType ?? 'application/json') } : {}),
      ...(r.headers ? { headers: r.headers } : {}),
    };
  }
  if (gatewayAuthorizes(access)) {
    responses['401'] = {
      description: 'API Gateway refused the token (missing, malformed, expired or forged)',
      content: { 'application/json': { schema: gatewayErrorSchema } },
    };
  }
  for (const [status, codes] of problemsOf(operation, access)) {
    responses[`${status}`] = {
      description: `Problem; \`code\`: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/problem+json': { schema: problemSchema } },
    };
  }
  return responses;
};

const operationObject = (operation: ContractOperation): ZodOpenApiOperationObject => {
  const access = accessOf(operation.route);
  const { path, query, headers, body } = operation.request ?? {};
  const description = [operation.description, ACCESS_NOTE[access]].filter(Boolean).join('\n\n');
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(description ? { description } : {}),
    tags: [...operation.tags],
    ...securityOf(access),
    ...(path || query || headers
      ? {
          requestParams: {
            ...(path ? { path } : {}),
            ...(query ? { query } : {}),
            ...(headers ? { header: headers } : {}),
          },
        }
      : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: responsesOf(operation, access),
  };
};

const pathsOf = (list: readonly ContractOperation[]): ZodOpenApiPathsObject => {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of list) {
    const [method = '', path = ''] = operation.route.split(' ');
    if (method === 'ANY' || path.includes('+}'))
      throw new Error(`${operation.route} has no OpenAPI form: give it an explicit method and path`);
    const item = paths[path] ?? {};
    item[method.toLowerCase() as 'get'] = operationObject(operation);
    paths[path] = item;
  }
  return paths;
};

/**
 * Responses are open for additions: zod renders a plain `z.object` in output mode as closed
 * (`additionalProperties: false`, since parsing strips unknown keys), which would make adding a response
 * field a breaking change for clients that validate, and would split each shared component into an input
 * and an `…Output` twin. Strict input objects (`z.strictObject`) stay closed.
 */
const openOutputObjects: CreateDocumentOptions['override'] = ({ jsonSchema, zodSchema, io }) => {
  const def = zodSchema._zod.def;
  if (
    io === 'output' &&
    def.type === 'object' &&
    !('catchall' in def && def.catchall) &&
    jsonSchema.additionalProperties === false
  )
    delete jsonSchema.additionalProperties;
};

/** The OpenAPI 3.1 document of `list` (every operation by default), generated from its zod schemas. */
export const buildOpenApiDocument = (list: readonly ContractOperation[] = operations): oas31.OpenAPIObject =>
  createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: `${app.name} API`,
        version: API_VERSION,
        description:
          'Storefront, customer and back-office operations. Errors are RFC 9457 problems with a stable `code`.',
      },
      tags: TAGS,
      paths: pathsOf(list),
      components: {
        schemas: componentSchemas,
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'A Cognito access or ID token (locally: one printed by `npm start`).',
          },
        },
      },
    },
    { override: openOutputObjects },
  );
