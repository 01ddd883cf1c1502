import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** How many files the list names. */
const SHOWN = 10;

/**
 * Prints the slowest test files at the end of every run, beside the default reporter: each file's time
 * is what vitest shows for it (its tests and hooks), with its project and state, so a file that grows
 * slow is seen in any run's log (docs/testing.md keeps the list of a whole run).
 */
export default class SlowestReporter implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules
      .map((m) => ({
        file: m.relativeModuleId,
        project: m.project.name,
        seconds: m.diagnostic().duration / 1000,
        state: m.state(),
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SHOWN);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.file.length));
    const lines = rows.map(
      (r, i) =>
        `${String(i + 1).padStart(3)}. ${r.file.padEnd(width)}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.project}${r.state === 'passed' ? '' : ` (${r.state})`}`,
    );
    const log = this.#vitest?.logger ?? console;
    log.log(`\n Slowest ${rows.length} test files (tests and hooks):\n${lines.join('\n')}\n`);
  }
}
