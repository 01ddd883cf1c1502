import { z } from 'zod';
import {
  type CreateDocumentOptions,
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { type Access, gatewayAuthorizes } from '../definition/access.ts';
import type { DocumentedOperation } from './operation.ts';
import { fieldIssueSchema, gatewayErrorSchema, problemSchema } from './problem.ts';
import { problemsOf } from './problems.ts';

/** The contract's version: bump the minor on additions, the major on anything a client would notice. */
export const API_VERSION = '0.1.0';

/** An API to document: its name, tags, operations and the schemas it publishes as named components. */
export interface ApiDescription {
  readonly name: string;
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly operations: readonly DocumentedOperation[];
  /** Named schemas (`#/components/schemas/<Name>`): wherever an operation uses one, the document refers to it. */
  readonly components: Readonly<Record<string, z.ZodType>>;
}

const ADMIN_TAG = { name: 'admin', description: 'Back office: callers in the `admin` group only' };

const ACCESS_NOTE: Record<Access, string> = {
  public: '',
  optional:
    'A bearer token is optional: without one the caller is a guest; with one the operation acts for that ' +
    'customer. A token that is presented must be valid (401 `invalid_token` otherwise).',
  customer: 'Needs a bearer token (any signed-in customer).',
  admin: 'Needs a bearer token of a member of the `admin` group.',
};

// `{}` is OpenAPI's "no security requirement": an optional route accepts a call with or without a token.
const securityOf = (access: Access): Pick<ZodOpenApiOperationObject, 'security'> => {
  if (access === 'public') return {};
  return { security: access === 'optional' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }] };
};

/** The header every 429 carries: when the caller may try again (RFC 9110, in seconds). */
const retryAfter = z.object({
  'retry-after': z
    .string()
    .regex(/^[0-9]+$/)
    .max(10)
    .meta({ description: 'Seconds until the caller may try again', example: '600' }),
});

const contentOf = (schema: z.ZodType, types: string | readonly string[]) =>
  Object.fromEntries([types].flat().map((type) => [type, { schema }]));

const responsesOf = (operation: DocumentedOperation, access: Access): ZodOpenApiResponsesObject => {
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
    const gateway = responses[`${status}`];
    const problem = `Problem; \`code\`: ${codes.map((c) => `\`${c}\``).join(', ')}`;
    responses[`${status}`] = {
      // A 401 on an authorized route comes from API Gateway (its JSON) or from the function (a problem).
      description: gateway ? `${gateway.description}; or the function's ${problem}` : problem,
      content: {
        ...(gateway && 'content' in gateway ? gateway.content : {}),
        'application/problem+json': { schema: problemSchema },
      },
      ...(status === 429 ? { headers: retryAfter } : {}),
    };
  }
  return responses;
};

const operationObject = (operation: DocumentedOperation): ZodOpenApiOperationObject => {
  const access = operation.access;
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

const pathsOf = (list: readonly DocumentedOperation[]): ZodOpenApiPathsObject => {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of list) {
    // HTTP API's catch-all route answers whatever no operation takes: it is not part of the contract.
    if (operation.route === '$default') continue;
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

/** The OpenAPI 3.1 document of an API, generated from its operations' zod schemas. */
export const buildOpenApiDocument = (api: ApiDescription): oas31.OpenAPIObject =>
  createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: `${api.name} API`,
        version: API_VERSION,
        description:
          'Storefront, customer and back-office operations. Errors are RFC 9457 problems with a stable `code`.',
      },
      tags: [...api.tags, ADMIN_TAG],
      paths: pathsOf(api.operations),
      components: {
        schemas: {
          Problem: problemSchema,
          FieldIssue: fieldIssueSchema,
          GatewayError: gatewayErrorSchema,
          ...api.components,
        },
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
