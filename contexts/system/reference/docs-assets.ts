import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { docsInitScript } from './docs-page.ts';
import { embeddedAssets } from './generated/docs-assets.ts';

/** A file the reference page loads, held gzipped (Swagger UI's bundle is 1.7 MB raw, ~0.5 MB gzipped). */
interface DocsAsset {
  readonly contentType: string;
  readonly gzip: Buffer;
  readonly etag: string;
}

// Assets change only with a deploy (a new swagger-ui-dist or init script); the ETag revalidates after.
const CACHE_CONTROL = 'public, max-age=86400';

const fromText = (text: string, contentType: string): DocsAsset => ({
  contentType,
  gzip: gzipSync(Buffer.from(text)),
  etag: `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`,
});

let assets: ReadonlyMap<string, DocsAsset> | undefined;

// Decoded on first use only: the allow-list is these names and nothing else.
const allAssets = (): ReadonlyMap<string, DocsAsset> => {
  assets ??= new Map<string, DocsAsset>([
    ...Object.entries(embeddedAssets).map(([name, a]): [string, DocsAsset] => [
      name,
      {
        contentType: a.contentType,
        gzip: Buffer.from(a.gzipBase64, 'base64'),
        etag: `W/"${a.sha256.slice(0, 22)}"`,
      },
    ]),
    ['api-docs.js', fromText(docsInitScript, 'text/javascript; charset=utf-8')],
  ]);
  return assets;
};

/** The allow-listed asset called `name`, or undefined for any other name. */
export const findDocsAsset = (name: string): DocsAsset | undefined => allAssets().get(name);

/** Whether an `Accept-Encoding` header admits gzip (`gzip;q=0` refuses it). */
export const acceptsGzip = (header: string | undefined): boolean =>
  (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });

/**
 * The asset as API Gateway should send it: 304 when the client's copy is current, gzip (base64 in the
 * payload) when accepted, plain text otherwise. Either way far below Lambda's 6 MB response limit.
 */
export const assetResponse = (
  asset: DocsAsset,
  headers: Readonly<Record<string, string | undefined>>,
): APIGatewayProxyStructuredResultV2 => {
  const common = { etag: asset.etag, 'cache-control': CACHE_CONTROL, vary: 'accept-encoding' };
  if (headers['if-none-match']?.split(',').some((tag) => tag.trim() === asset.etag))
    return { statusCode: 304, headers: common };
  if (acceptsGzip(headers['accept-encoding'])) {
    return {
      statusCode: 200,
      headers: { ...common, 'content-type': asset.contentType, 'content-encoding': 'gzip' },
      body: asset.gzip.toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: 200,
    headers: { ...common, 'content-type': asset.contentType },
    body: gunzipSync(asset.gzip).toString('utf8'),
  };
};
