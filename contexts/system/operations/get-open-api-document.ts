import { json } from '#platform/http/response.ts';
import { openApiDocumentSchema } from '../domain/schemas.ts';
import { referenceOperation } from '../wiring.ts';
import { serverUrlOf } from './server-url.ts';

/**
 * GET /openapi.json: the contract `npm run contract` generated from the zod schemas (a unit test keeps the
 * committed file current), naming the API that served it. Served from the file (the Lambda entry imports
 * it) so this function does not bundle every operation's code.
 */
export const getOpenApiDocument = referenceOperation({
  route: 'GET /openapi.json',
  access: 'public',
  operationId: 'getOpenApiDocument',
  summary: 'This API as an OpenAPI 3.1 document',
  description:
    'Generated from the zod schemas the handlers validate with; `servers` names the API that served it.',
  tags: ['platform'],
  responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
  handle: async ({ event }, { document }) => {
    const { openapi, info, ...rest } = document;
    const servers = [{ url: serverUrlOf(event), description: 'The API that served this document' }];
    return json(200, { openapi, info, servers, ...rest }, { 'cache-control': 'public, max-age=300' });
  },
});
