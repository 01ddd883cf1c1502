import { assetResponse, findDocsAsset } from '#shared/contract/docs-assets.ts';
import { docsAssetPath } from '#shared/contract/platform.ts';
import { NotFoundError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';

/** GET /docs/{asset}: Swagger UI's script and stylesheet, from the bundle itself (allow-listed names). */
export const handler = httpHandler({ path: docsAssetPath }, async ({ path, event }) => {
  const asset = findDocsAsset(path.asset);
  if (!asset) throw new NotFoundError(`No reference page asset ${path.asset}`, 'asset_not_found');
  return assetResponse(asset, event.headers);
});
