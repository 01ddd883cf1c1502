import { z } from 'zod';
import { defineOperations } from '#platform/contract/operation.ts';
import { docsAssetPath, healthSchema, openApiDocumentSchema } from './params.ts';

/** Health, the contract itself and its reference page. */
export const platformOperations = defineOperations([
  {
    route: 'GET /health',
    operationId: 'getHealth',
    summary: 'Liveness and table reachability',
    description: 'One strongly consistent read on the table; 200 when it answers.',
    tags: ['platform'],
    responses: { 200: { description: 'The function runs and the table answers', schema: healthSchema } },
  },
  {
    route: 'GET /openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API as an OpenAPI 3.1 document',
    description:
      'Generated from the zod schemas the handlers validate with; `servers` names the API that served it.',
    tags: ['platform'],
    responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
  },
  {
    route: 'GET /docs',
    operationId: 'getApiReference',
    summary: 'The API reference page (Swagger UI)',
    description: 'HTML; its scripts and styles come from `GET /docs/{asset}`, never from a CDN.',
    tags: ['platform'],
    responses: {
      200: { description: 'The reference page', schema: z.string(), contentType: 'text/html; charset=utf-8' },
    },
  },
  {
    route: 'GET /docs/{asset}',
    operationId: 'getApiReferenceAsset',
    summary: 'A script or stylesheet of the reference page',
    description:
      'Gzip-encoded when the client accepts it; `ETag` and `If-None-Match` make repeat loads a 304.',
    tags: ['platform'],
    request: { path: docsAssetPath },
    responses: {
      200: {
        description: 'The file',
        schema: z.string(),
        contentType: ['text/javascript; charset=utf-8', 'text/css; charset=utf-8'],
      },
      304: { description: 'The copy the client holds is current' },
    },
    problems: { 404: ['asset_not_found'] },
  },
]);
