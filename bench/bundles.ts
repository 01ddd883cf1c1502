// Every function's bundle against a bare DynamoDB DocumentClient bundle: size, and how long a fresh Node
// process takes to load it (the cold-start work a bundle adds before the handler runs), as the median of
// several fresh processes. Target: every bundle loads within 1.3× of the bare one.
// Run: `npx tsx bench/bundles.ts [runs]`. Prints a table; exits 1 if a bundle misses the target.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleFunctions } from '#app/bundling.ts';
import { app } from '#app/definition.ts';
import { functionEnvironment } from '#platform/definition/environment.ts';

const RUNS = Number(process.argv[2] ?? 9);
const TARGET = 1.3;
const outDir = resolve('.local/bench-bundles');
const BASELINE = '(bare DocumentClient)';

// The bare bundle: a handler that reads one item, nothing else.
mkdirSync(outDir, { recursive: true });
const baselineEntry = join(outDir, 'baseline.ts');
writeFileSync(
  baselineEntry,
  [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
    'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    "export const handler = async () => client.send(new GetCommand({ TableName: 't', Key: { pk: 'x', sk: 'x' } }));",
  ].join('\n'),
);

// The very build both clouds run.
const entries: Record<string, string> = { [BASELINE]: baselineEntry };
for (const [name, fn] of Object.entries(app.functions)) entries[name] = resolve(fn.entry);
await bundleFunctions(entries, outDir);

// What each function finds in its environment at cold start, with stand-in values (nothing is called).
const locator = {
  tableName: 'bench',
  eventBusName: 'bench',
  queueUrl: (n: string) => `https://sqs.us-east-1.amazonaws.com/000000000000/${n}`,
  stateMachineArn: (n: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${n}`,
  secretArn: (n: string) => `arn:aws:secretsmanager:us-east-1:000000000000:secret:generated/${n}`,
  externalSecretArn: (n: string) => `arn:aws:secretsmanager:us-east-1:000000000000:secret:${n}`,
  auth: {
    issuer: 'https://issuer.example.com',
    audience: 'bench',
    jwksUrl: 'https://issuer.example.com/jwks',
  },
  mail: { from: 'orders@example.com' },
};
const environmentOf = (name: string): NodeJS.ProcessEnv => {
  const fn = app.functions[name];
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...(fn ? functionEnvironment(app, fn, locator) : {}),
  };
};

/** Milliseconds a fresh process spends importing `file` (the handler module and all it loads). */
const loadTime = (file: string, env: NodeJS.ProcessEnv): number => {
  const script =
    'const t = performance.now(); await import(process.argv[1]); ' +
    'process.stdout.write(String(performance.now() - t));';
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { env }));
};

const names = [BASELINE, ...Object.keys(app.functions)];
const samples = new Map(names.map((n) => [n, [] as number[]]));
// Interleaved rounds, so a busy moment on the machine lands on every bundle alike.
for (let round = 0; round < RUNS; round++) {
  for (const name of names)
    samples.get(name)!.push(loadTime(join(outDir, name, 'index.mjs'), environmentOf(name)));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const base = median(samples.get(BASELINE)!);
const rows = names.map((name) => {
  const ms = median(samples.get(name)!);
  const bytes = statSync(join(outDir, name, 'index.mjs')).size;
  return {
    function: name,
    'bundle KB': Math.round(bytes / 1024),
    'load ms': ms.toFixed(1),
    '× bare': (ms / base).toFixed(2),
  };
});
rows.sort((a, b) => Number(b['× bare']) - Number(a['× bare']));
console.log(`Bundle load time, median of ${RUNS} fresh processes each (target ≤ ${TARGET}× the bare bundle)`);
console.table(rows);
const over = rows.filter((r) => Number(r['× bare']) > TARGET);
console.log(
  over.length === 0
    ? 'Every bundle within target.'
    : `Over target: ${over.map((r) => r.function).join(', ')}`,
);
process.exitCode = over.length === 0 ? 0 : 1;
