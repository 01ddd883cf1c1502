import { resolve } from 'node:path';
import { bundleFunctions } from '#app/bundling.ts';
import type { AppDefinition } from '#platform/definition/types.ts';

/**
 * Bundles every function of the definition into `<outDir>/<function>/index.mjs` with the build the CDK
 * stack runs too (`bundleFunctions`: same esbuild options and plugins). One esbuild call builds them all.
 */
export const buildFunctions = async (app: AppDefinition, outDir: string): Promise<Record<string, string>> =>
  bundleFunctions(
    Object.fromEntries(Object.entries(app.functions).map(([name, fn]) => [name, resolve(fn.entry)])),
    outDir,
  );
