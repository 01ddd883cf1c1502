import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { fromProjectRoot, projectRoot } from './project.ts';

/**
 * Functions' code: each entry bundled by `app/bundle-function.ts`, the very build the local cloud runs
 * (`bundleFunctions` in app/bundling.ts: same esbuild options, same plugins). It runs as CDK's local
 * bundling step with this process's Node, so no Docker is involved. The first function CDK stages builds
 * every entry the bundler was given in one esbuild run (one child process, not one per function); each
 * asset then takes its own bundle. The asset's hash is the bundle's, so an unchanged bundle is never
 * uploaded again; a stack whose bundling CDK skips (tests) builds nothing.
 */
export class FunctionBundler {
  private built: string | undefined;
  private readonly entries: Readonly<Record<string, string>>;

  /** @param entries every function's entry (repository-relative), by a name unique to the stack */
  constructor(entries: Readonly<Record<string, string>>) {
    this.entries = entries;
  }

  /** The code of the function `name`. */
  code(name: string): Code {
    const entry = this.entries[name];
    if (!entry) throw new Error(`No entry to bundle for function ${name}`);
    return Code.fromAsset(projectRoot, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Required by the type; never pulled, because local bundling always succeeds or throws.
        image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs24.x'),
        // What would run in that image. It also names the entry in the options CDK caches staged assets
        // by (the source path is the repository root for every function), so each gets its own bundle.
        command: ['node', 'app/bundle-function.ts', '/asset-output', `${name}=${entry}`],
        local: {
          tryBundle: (outputDir) => {
            cpSync(join(this.buildAll(), name), outputDir, { recursive: true });
            return true;
          },
        },
      },
    });
  }

  /** Builds every entry once, into a fresh temporary directory. */
  private buildAll(): string {
    if (this.built) return this.built;
    const outDir = mkdtempSync(join(tmpdir(), 'commerce-bundles-'));
    const pairs = Object.entries(this.entries).map(([name, entry]) => `${name}=${fromProjectRoot(entry)}`);
    execFileSync(process.execPath, [fromProjectRoot('app/bundle-function.ts'), outDir, ...pairs], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.built = outDir;
    return outDir;
  }
}
