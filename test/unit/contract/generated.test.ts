import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { embeddedAssets, swaggerUiVersion } from '#contexts/system/reference/generated/docs-assets.ts';
import {
  EMBEDDED_FILES,
  swaggerUiVersion as installedVersion,
  swaggerUiFile,
} from '../../../scripts/contract/assets.ts';
import { contractFiles } from '../../../scripts/contract/files.ts';

const STALE = 'is stale: run `npm run contract` and commit the result';

describe('generated contract files', () => {
  it('match what the code generates today (openapi.json, the client types, events.md, the event schemas)', async () => {
    const files = await contractFiles();
    expect(files.map((f) => f.path)).toEqual([
      'docs/openapi.json',
      'client/schema.d.ts',
      'docs/events.md',
      'docs/events/schemas.json',
    ]);
    for (const file of files) {
      const committed = await readFile(file.path, 'utf8').catch(() => '');
      expect(committed, `${file.path} ${STALE}`).toBe(file.content);
    }
  });

  it('embed the installed swagger-ui-dist files, byte for byte', () => {
    expect(swaggerUiVersion, `the embedded Swagger UI ${STALE}`).toBe(installedVersion());
    expect(Object.keys(embeddedAssets).sort()).toEqual(Object.keys(EMBEDDED_FILES).sort());
    for (const [name, asset] of Object.entries(embeddedAssets)) {
      const original = swaggerUiFile(name);
      const decoded = gunzipSync(Buffer.from(asset.gzipBase64, 'base64'));
      expect(decoded.equals(original), `${name} ${STALE}`).toBe(true);
      expect(asset.sha256).toBe(createHash('sha256').update(original).digest('base64url'));
    }
  });
});
