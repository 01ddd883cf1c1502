import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIOME = resolve('node_modules/.bin/biome');

/**
 * Formats generated text exactly as `biome check` wants it, so the committed files pass the linter
 * and regenerating them is byte-for-byte reproducible.
 */
export const formatWithBiome = (path: string, text: string): string => {
  const result = spawnSync(BIOME, ['format', `--stdin-file-path=${path}`], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`biome could not format ${path}: ${result.stderr}`);
  return result.stdout;
};
