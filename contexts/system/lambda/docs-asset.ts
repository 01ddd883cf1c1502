import { docsAssetPath } from '#contexts/system/operations/params.ts';
import { assetResponse, findDocsAsset } from '#contexts/system/reference/docs-assets.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';

/** GET /docs/{asset}: Swagger UI's script and stylesheet, from the bundle itself (allow-listed names). */
export const handler = httpHandler({ path: docsAssetPath }, async ({ path, event }) => {
  const asset = findDocsAsset(path.asset);
  if (!asset) throw new NotFoundError(`No reference page asset ${path.asset}`, 'asset_not_found');
  return assetResponse(asset, event.headers);
});
