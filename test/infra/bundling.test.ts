import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunctions, esbuildOptions } from '#app/bundling.ts';
import { FunctionBundler } from '#infra/bundling.ts';
import { fromProjectRoot } from '#infra/project.ts';

let outDir: string;
let bundles: Record<string, string>;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'commerce-bundle-'));
  bundles = await bundleFunctions(
    {
      cjs: fromProjectRoot('test/infra/fixtures/cjs-handler.ts'),
      zod: fromProjectRoot('test/infra/fixtures/zod-handler.ts'),
    },
    outDir,
  );
}, 120_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('bundling (one build for both clouds)', () => {
  it('bundles the AWS SDK instead of leaving it external', () => {
    expect(esbuildOptions.external).toEqual([]);
  });

  it('builds an ES module whose CommonJS dependencies can still require Node built-ins', async () => {
    const code = await readFile(bundles.cjs!, 'utf8');
    expect(code.startsWith(esbuildOptions.banner.js)).toBe(true);
    const { handler } = await import(pathToFileURL(bundles.cjs!).href);
    await expect(handler({ text: 'abc' })).resolves.toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('carries zod’s English messages only, not its other locales', async () => {
    const { handler } = await import(pathToFileURL(bundles.zod!).href);
    await expect(handler({ n: 'x' })).resolves.toEqual({
      locales: ['en'],
      message: 'Invalid input: expected number, received string',
    });
  });

  it('gives the CDK the same bundle: its asset bundling runs app/bundle-function.ts', async () => {
    const app = new App({ outdir: join(outDir, 'cdk.out') });
    const stack = new Stack(app, 'Bundled');
    const bundler = new FunctionBundler({
      zod: 'test/infra/fixtures/zod-handler.ts',
      cjs: 'test/infra/fixtures/cjs-handler.ts',
    });
    const code = bundler.code('zod').bind(stack);
    const hash = code.s3Location?.objectKey.replace(/\.zip$/, '');
    const bundle = join(outDir, 'cdk.out', `asset.${hash}`);
    expect((await readdir(bundle)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const { handler } = await import(pathToFileURL(join(bundle, 'index.mjs')).href);
    await expect(handler({})).resolves.toMatchObject({ locales: ['en'] });
    expect(Runtime.NODEJS_24_X.name).toBe('nodejs24.x');
    // Every function stages from the repository root: each must still get its own bundle.
    const other = bundler.code('cjs').bind(new Stack(app, 'Other'));
    expect(other.s3Location?.objectKey).not.toBe(code.s3Location?.objectKey);
  });
});
