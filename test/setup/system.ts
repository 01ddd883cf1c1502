import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { CONTRACT_COVERAGE_DIR } from '../support/contract-check.ts';

// Notes each system test file that ran, so the run's end can tell a whole run (where every operation's
// 2xx answer must have been checked against the contract) from a run of a few files.
beforeAll(() => {
  const file = expect.getState().testPath;
  if (!file) return;
  mkdirSync(CONTRACT_COVERAGE_DIR, { recursive: true });
  appendFileSync(join(CONTRACT_COVERAGE_DIR, 'files.list'), `${relative(process.cwd(), file)}\n`);
});
