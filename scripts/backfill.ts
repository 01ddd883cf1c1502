// Brings stored items to the current key design: `npm run backfill -- [--stage dev [--region r] | --local]
// [--only <name>] [--segments 4]`. With --stage it uses your AWS credentials (the default provider chain)
// and the stack's TableName output; with --local, the running local cloud (.local/cloud.json). Every
// backfill is idempotent and resumable: run it again after an interruption and it continues.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { backfills } from '#app/backfills.ts';
import { stackName } from '#infra/stage.ts';
import { runBackfill } from '#platform/data/backfill.ts';

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    region: { type: 'string' },
    local: { type: 'boolean', default: false },
    only: { type: 'string' },
    segments: { type: 'string', default: '4' },
    state: { type: 'string', default: '.local/cloud.json' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const usage = 'Usage: npm run backfill -- (--stage <stage> [--region <region>] | --local) [--only <name>]';
if (!values.stage === !values.local) fail(usage);

const tableOf = async (): Promise<string> => {
  if (values.local) {
    const state = JSON.parse(readFileSync(values.state ?? '.local/cloud.json', 'utf8'));
    process.env.AWS_ENDPOINT_URL_DYNAMODB = state.endpoints.dynamodb;
    process.env.AWS_REGION ??= 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    return state.tableName as string;
  }
  if (values.region) process.env.AWS_REGION = values.region;
  const name = stackName(values.stage as string);
  const { Stacks } = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: name }));
  const table = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
  return table ?? fail(`Stack ${name} has no TableName output: is the stage deployed?`);
};

const chosen = values.only ? backfills.filter((b) => b.name === values.only) : backfills;
if (values.only && chosen.length === 0)
  fail(`No backfill named ${values.only}; there are: ${backfills.map((b) => b.name).join(', ') || 'none'}`);
const segments = Number(values.segments);
if (!Number.isInteger(segments) || segments < 1 || segments > 64) fail('--segments takes 1 to 64');

const table = await tableOf();
for (const backfill of chosen) {
  const started = Date.now();
  const report = await runBackfill(table, backfill, {
    segments,
    progress: (r) => process.stderr.write(`\r${backfill.name}: ${r.scanned} read, ${r.migrated} changed`),
  });
  process.stderr.write('\n');
  console.log(
    `${backfill.name}: ${report.scanned} items read, ${report.migrated} changed, ${report.resumedDone}/${report.segments} segments already done (${Date.now() - started} ms)`,
  );
}
if (chosen.length === 0) console.log('No backfills to run.');
