import type { TestProject } from 'vitest/node';
import { app } from '#app/definition.ts';
import { type Cloud, type CloudInfo, startCloud } from '#local/cloud.ts';
import { withPaymentTimeout } from '#local/payment-timeout.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { withLocalWebhooks } from '#local/webhooks.ts';
import { reportContractCoverage, resetContractCoverage } from './contract-coverage.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cloud: CloudInfo;
    /** A customer token that expired a minute ago. */
    expiredToken: string;
  }
}

let cloud: Cloud | undefined;

/**
 * Starts the local cloud (and so DynamoDB Local) once per test run, seeded with the demo catalog, on
 * free ports so it never collides with a running `npm start`. Integration tests create their own
 * tables on its DynamoDB Local; system tests call its API as a storefront would.
 */
export default async function setup(project: TestProject) {
  resetContractCoverage();
  // Long enough for a test to pay under a loaded run; short enough to watch a checkout expire.
  // Webhook retries at 1/10,000 of the real schedule (about 15 s of waits for all eight attempts), and a
  // subscription seen by the next event (tests subscribe and fire at once).
  const served = withLocalWebhooks(withPaymentTimeout(app, 20), { backoffScale: 0.0001, cacheSeconds: 0 });
  cloud ??= await startCloud(served, {
    port: 0,
    buildDir: '.local/test-build',
    visibilityScale: 0.05,
    scheduleIntervalMs: 2000,
  });
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  project.provide('cloud', cloud.info);
  project.provide(
    'expiredToken',
    await cloud.mintToken({ email: 'late@example.com', expiresInSeconds: -60 }),
  );
  return async () => {
    await cloud?.stop();
    cloud = undefined;
    reportContractCoverage();
  };
}
