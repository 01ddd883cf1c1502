import { defineConfig } from 'vitest/config';
import { scaled } from './test/support/budget.ts';

// Four kinds of test, each in its folder. DynamoDB Local and the local cloud start once per run
// (test/setup/global.ts) and are shared through `inject`.
export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    // The default output, then the run's slowest files (test/setup/slowest-reporter.ts).
    reporters: ['default', './test/setup/slowest-reporter.ts'],
    // Default limits stretched by the machine's load when the run starts (test/support/budget.ts).
    testTimeout: scaled(30_000),
    hookTimeout: scaled(60_000),
    // Handlers imported into the test process log nothing; the local cloud's functions log on their own.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'true' },
    projects: [
      // Pure code: one module graph per worker (no per-file re-import of zod, the contexts and the SDK)
      // is what makes this project fast; its tests restore whatever global state they touch.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'system', include: ['test/system/**/*.test.ts'], setupFiles: ['test/setup/system.ts'] },
      },
      // The CDK is the heaviest import and a synthesized stack is cached per definition (test/infra/support.ts):
      // without isolation each worker loads the CDK and synthesizes the real stack once, not once per file.
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 300_000, isolate: false },
      },
    ],
  },
});
