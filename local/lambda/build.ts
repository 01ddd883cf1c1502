import { join, resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import type { AppDefinition } from '#platform/definition/types.ts';

/**
 * Bundles every function of the definition with esbuild, with the same settings the CDK stack gives
 * NodejsFunction, into `<outDir>/<function>/index.mjs`. One esbuild call builds them all.
 */
export const buildFunctions = async (
  app: AppDefinition,
  outDir: string,
  options: BuildOptions,
): Promise<Record<string, string>> => {
  const entryPoints = Object.fromEntries(
    Object.entries(app.functions).map(([name, fn]) => [`${name}/index`, resolve(fn.entry)]),
  );
  await build({
    ...options,
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    write: true,
    logLevel: 'error',
  });
  return Object.fromEntries(
    Object.keys(app.functions).map((name) => [name, join(outDir, name, 'index.mjs')]),
  );
};
