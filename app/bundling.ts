import { join } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';

// CommonJS dependencies bundled into an ES module still call `require` (for Node built-ins mostly);
// ESM has no `require`, so the bundle defines one. The import is aliased so it cannot clash with a
// bundled module's own `createRequire` import.
const requireShim =
  "import { createRequire as __commerceCreateRequire } from 'node:module';" +
  'const require = __commerceCreateRequire(import.meta.url);';

/**
 * The esbuild options every function is bundled with, under esbuild's own option names. Both clouds
 * bundle through `bundleFunctions` below (the CDK stack by running `app/bundle-function.ts` as its asset
 * bundling step, the local cloud in process), so a handler runs from the same bundle on a laptop as in
 * Lambda, and the local cloud never loads the CDK.
 */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  // Minified, but class names kept: typed errors are matched by name (`error.name`, the errorType Step
  // Functions' Retry/Catch see) and logged by it.
  keepNames: true,
  sourcemap: true,
  // Prefer the ESM build of dual packages so tree-shaking works; fall back to CommonJS.
  mainFields: ['module', 'main'],
  banner: { js: requireShim },
  // Nothing is external, not even `@aws-sdk/*`: the SDK inside the Lambda runtime changes whenever AWS
  // updates it, so bundling pins the exact versions in package-lock.json, the ones the tests ran against.
  external: [],
  // Sizes of every bundle on every synth are noise; warnings and errors still show.
  logLevel: 'warning',
} satisfies BuildOptions;

/**
 * zod's namespace (`import { z } from 'zod'`, as every schema here is written) re-exports all of its ~50
 * error-message locales, so a bundle carried some 250 KB of translations that no function uses (errors
 * are answered in English, zod's default). This keeps `en` only; `z.locales.<other>` would be undefined.
 */
export const englishOnlyZod: Plugin = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'english-only-zod' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'english-only-zod' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: import.meta.dirname,
    }));
  },
};

/**
 * Bundles each entry (`name` → handler file) into `<outDir>/<name>/index.mjs`: the one build both clouds
 * run. One esbuild call builds them all.
 */
export const bundleFunctions = async (
  entries: Readonly<Record<string, string>>,
  outDir: string,
): Promise<Record<string, string>> => {
  await build({
    ...esbuildOptions,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [`${name}/index`, entry])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    write: true,
    logLevel: 'error',
    plugins: [englishOnlyZod],
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, name, 'index.mjs')]));
};
