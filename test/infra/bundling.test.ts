import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '#app/bundling.ts';
import { nodejsBundling } from '#infra/bundling.ts';
import { fromProjectRoot } from '#infra/project.ts';

describe('bundling', () => {
  it('gives NodejsFunction the same settings the local cloud passes to esbuild', () => {
    expect(nodejsBundling).toMatchObject({
      format: esbuildOptions.format,
      target: esbuildOptions.target,
      minify: esbuildOptions.minify,
      sourceMap: esbuildOptions.sourcemap,
      mainFields: esbuildOptions.mainFields,
      banner: esbuildOptions.banner.js,
      externalModules: [],
      forceDockerBundling: false,
    });
  });

  it('bundles the AWS SDK instead of leaving it external', () => {
    expect(esbuildOptions.external).toEqual([]);
    expect(nodejsBundling.externalModules).toEqual([]);
  });

  it('builds an ES module whose CommonJS dependencies can still require Node built-ins', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'commerce-bundle-'));
    const outfile = join(outdir, 'index.mjs');
    await build({
      ...esbuildOptions,
      entryPoints: [fromProjectRoot('test/infra/fixtures/cjs-handler.ts')],
      outfile,
      logLevel: 'silent',
    });
    const code = await readFile(outfile, 'utf8');
    expect(code.startsWith(esbuildOptions.banner.js)).toBe(true);
    const { handler } = await import(pathToFileURL(outfile).href);
    await expect(handler({ text: 'abc' })).resolves.toBe(createHash('sha256').update('abc').digest('hex'));
    await rm(outdir, { recursive: true });
  });
});
