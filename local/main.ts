import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { app } from '#app/definition.ts';
import { startCloud } from './cloud.ts';
import { withPaymentTimeout } from './payment-timeout.ts';
import { seedIfEmpty } from './seed.ts';
import { withLocalWebhooks } from './webhooks.ts';

// `npm start [-- --data <dir>] [--port <n>] [--no-seed] [--log-level INFO] [--state <file>]`
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    'log-level': { type: 'string' },
    state: { type: 'string', default: '.local/cloud.json' },
  },
});

const started = Date.now();
// An unpaid checkout expires after this (AWS: 15 minutes); CHECKOUT_PAYMENT_TIMEOUT_SECONDS overrides.
// WEBHOOK_BACKOFF_SCALE (0 < n ≤ 1) shortens webhook retries, e.g. 0.001 to watch them all in minutes.
const served = withLocalWebhooks(
  withPaymentTimeout(app, Number(process.env.CHECKOUT_PAYMENT_TIMEOUT_SECONDS ?? 120)),
  process.env.WEBHOOK_BACKOFF_SCALE ? { backoffScale: Number(process.env.WEBHOOK_BACKOFF_SCALE) } : {},
);
const cloud = await startCloud(served, {
  port: Number(values.port ?? process.env.PORT ?? 3000),
  ...(values.data ? { dataDir: values.data } : {}),
  ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local cloud…`);
  await cloud.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const seeded = values['no-seed'] ? 0 : await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
const stateFile = values.state ?? '.local/cloud.json';
mkdirSync(dirname(stateFile), { recursive: true });
writeFileSync(stateFile, `${JSON.stringify(cloud.info, null, 2)}\n`, { mode: 0o600 });

const { info } = cloud;
console.log(`
Local cloud ready in ${((Date.now() - started) / 1000).toFixed(1)} s${seeded ? ` (seeded ${seeded} products)` : ''}

  API            ${info.apiUrl}
  Try            curl ${info.apiUrl}/products
  DynamoDB       ${info.endpoints.dynamodb}  table ${info.tableName}
  EventBridge    ${info.endpoints.eventbridge}  bus ${info.eventBusName}
  SQS            ${info.endpoints.sqs}
  Step Functions ${info.endpoints.stepfunctions}
  Secrets Mgr    ${info.endpoints.secretsmanager}  (the Stripe keys, as functions read them)
  SES mail sink  ${info.endpoints.ses}  (open it in a browser: the mail functions sent)
  Token issuer   ${info.endpoints.issuer}
  Stripe         ${info.stripe.apiUrl}  (test keys in the state file; pay with pm_card_visa)
  Checkout       unpaid orders expire after ${info.paymentTimeoutSeconds} s (CHECKOUT_PAYMENT_TIMEOUT_SECONDS)

  Customer token (customer@example.com):
    ${info.tokens.customer}
  Admin token (admin@example.com, group admin):
    ${info.tokens.admin}
  Any other customer:  npm run -s token -- --email a@b.c [--admin]

  Everything above is in ${stateFile}. Ctrl-C stops it all.
`);
