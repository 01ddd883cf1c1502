import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. Definition paths (function entries, ASL files) are relative to it, and resolving
 * them here rather than from `process.cwd()` lets the CDK CLI, vitest and the local cloud run from any
 * directory and still build the same thing.
 */
export const projectRoot: string = fileURLToPath(new URL('..', import.meta.url));

/** An absolute path for a path written relative to the repository root in the definition. */
export const fromProjectRoot = (relativePath: string): string => join(projectRoot, relativePath);
