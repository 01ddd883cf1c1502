import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { serverUrlOf } from '#contexts/system/operations/server-url.ts';
import { acceptsGzip, assetResponse, findDocsAsset } from '#contexts/system/reference/docs-assets.ts';
import { docsInitScript } from '#contexts/system/reference/docs-page.ts';

describe('docs assets', () => {
  it.each(['swagger-ui-bundle.js', 'swagger-ui.css', 'api-docs.js'])('serves %s', (name) => {
    expect(findDocsAsset(name)).toBeDefined();
  });

  it.each(['index.html', '../package.json', 'swagger-ui-bundle.js.map', 'SWAGGER-UI.CSS', ''])(
    'refuses %j: only allow-listed files exist',
    (name) => {
      expect(findDocsAsset(name)).toBeUndefined();
    },
  );

  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    [undefined, false],
  ])('reads Accept-Encoding %j as gzip=%s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('sends gzip as base64 when accepted and plain text otherwise, both cacheable', () => {
    const asset = findDocsAsset('api-docs.js')!;
    const zipped = assetResponse(asset, { 'accept-encoding': 'gzip' });
    expect(zipped).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(gunzipSync(Buffer.from(zipped.body!, 'base64')).toString()).toBe(docsInitScript);
    const plain = assetResponse(asset, {});
    expect(plain.body).toBe(docsInitScript);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(plain.headers?.['cache-control']).toMatch(/max-age=\d+/);
  });

  it('answers 304 without a body when the client holds the current ETag', () => {
    const asset = findDocsAsset('swagger-ui.css')!;
    const res = assetResponse(asset, { 'if-none-match': `"other", ${asset.etag}` });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBeUndefined();
    expect(assetResponse(asset, { 'if-none-match': '"other"' }).statusCode).toBe(200);
  });
});

describe('serverUrlOf', () => {
  const event = (stage: string, proto?: string) =>
    ({
      headers: proto ? { 'x-forwarded-proto': proto } : {},
      requestContext: { domainName: 'abc.execute-api.eu-west-1.amazonaws.com', stage },
    }) as unknown as APIGatewayProxyEventV2;

  it.each([
    ['$default', 'https', 'https://abc.execute-api.eu-west-1.amazonaws.com'],
    ['dev', 'https', 'https://abc.execute-api.eu-west-1.amazonaws.com/dev'],
    ['$default', 'http', 'http://abc.execute-api.eu-west-1.amazonaws.com'],
    ['$default', undefined, 'https://abc.execute-api.eu-west-1.amazonaws.com'],
    ['$default', 'javascript', 'https://abc.execute-api.eu-west-1.amazonaws.com'],
  ])('stage %s over %s is %s', (stage, proto, url) => {
    expect(serverUrlOf(event(stage, proto))).toBe(url);
  });
});
