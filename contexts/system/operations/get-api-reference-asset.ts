import { z } from 'zod';
import { NotFoundError } from '#platform/errors/index.ts';
import { docsAssetPath } from '../domain/schemas.ts';
import { assetResponse, findDocsAsset } from '../reference/docs-assets.ts';
import { referenceOperation } from '../wiring.ts';

/** GET /docs/{asset}: Swagger UI's script and stylesheet, from the bundle itself (allow-listed names). */
export const getApiReferenceAsset = referenceOperation({
  route: 'GET /docs/{asset}',
  access: 'public',
  operationId: 'getApiReferenceAsset',
  summary: 'A script or stylesheet of the reference page',
  description: 'Gzip-encoded when the client accepts it; `ETag` and `If-None-Match` make repeat loads a 304.',
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
  handle: async ({ path, event }) => {
    const asset = findDocsAsset(path.asset);
    if (!asset) throw new NotFoundError(`No reference page asset ${path.asset}`, 'asset_not_found');
    return assetResponse(asset, event.headers);
  },
});
