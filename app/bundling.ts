import type { BuildOptions } from 'esbuild';

// CommonJS dependencies bundled into an ES module still call `require` (for Node built-ins mostly);
// ESM has no `require`, so the bundle defines one. The import is aliased so it cannot clash with a
// bundled module's own `createRequire` import.
const requireShim =
  "import { createRequire as __commerceCreateRequire } from 'node:module';" +
  'const require = __commerceCreateRequire(import.meta.url);';

/**
 * The esbuild options every function is bundled with, under esbuild's own option names: the one place
 * both clouds read. The CDK stack derives `NodejsFunction`'s bundling from it (infra/bundling.ts) and the
 * local cloud passes it to esbuild's JS API, so a handler runs from the same bundle on a laptop as in
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
