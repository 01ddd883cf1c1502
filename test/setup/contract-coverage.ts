import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { documentedOperations } from '#app/contract.ts';
import { CONTRACT_COVERAGE_DIR } from '../support/contract-check.ts';

/** Forgets what an earlier run checked. */
export const resetContractCoverage = (): void =>
  rmSync(CONTRACT_COVERAGE_DIR, { recursive: true, force: true });

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/**
 * After a run of every system test file: which operations had a 2xx answer checked against their declared
 * schema. Prints the figure; throws (failing the run) when an operation was never checked.
 */
export const reportContractCoverage = (): void => {
  if (!existsSync(CONTRACT_COVERAGE_DIR)) return;
  const systemFiles = readdirSync('test/system').filter((f) => f.endsWith('.test.ts'));
  const ran = new Set(lines(join(CONTRACT_COVERAGE_DIR, 'files.list')).map((f) => f.split('/').pop()));
  if (!systemFiles.every((f) => ran.has(f))) return;
  const checked = new Set(
    readdirSync(CONTRACT_COVERAGE_DIR)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => lines(join(CONTRACT_COVERAGE_DIR, f))),
  );
  const all = documentedOperations()
    .filter((o) => o.route !== '$default')
    .map((o) => o.operationId);
  const missing = all.filter((id) => !checked.has(id));
  console.log(
    `2xx answers checked against the contract: ${all.length - missing.length} of ${all.length} operations`,
  );
  if (missing.length > 0) throw new Error(`No system test checked a 2xx answer of: ${missing.join(', ')}`);
};
