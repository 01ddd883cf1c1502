// Bundles functions for the CDK's asset staging: `node app/bundle-function.ts <outDir> <name>=<entry>…`
// writes `<outDir>/<name>/index.mjs` (and its source map) for each. Run in a child process because CDK's
// local bundling hook is synchronous and esbuild plugins need its asynchronous API.
import { bundleFunctions } from './bundling.ts';

const [outDir, ...pairs] = process.argv.slice(2);
const entries = Object.fromEntries(pairs.map((pair) => pair.split('=', 2) as [string, string]));
if (!outDir || Object.keys(entries).length === 0 || Object.values(entries).some((e) => !e))
  throw new Error('Usage: node app/bundle-function.ts <outDir> <name>=<entry> [<name>=<entry>…]');
await bundleFunctions(entries, outDir);
