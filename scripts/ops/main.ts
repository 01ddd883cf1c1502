import { parseArgs } from 'node:util';
import { showOrder, testWebhook } from './api.ts';
import * as dlq from './dlq.ts';
import { replay, tail } from './events.ts';
import { OpsError, output } from './output.ts';
import { awsTarget, localTarget, type Target } from './target.ts';
import { parseTime } from './time.ts';

const USAGE = `Usage: npm run ops -- <command> [options]

Commands
  events tail [--type T]... [--count N] [--seconds S]   print events as they reach the bus
  events replay --from TIME --to TIME [--type T]... [--target RULE]... [--no-wait]
                                                       put archived events back on the bus
  dlq list                                             dead-letter queues and their depth
  dlq redrive <queue>                                  move a queue's dead letters back to it
  webhooks test <webhookId>                            send a subscription a signed test delivery
  orders show <orderId>                                an order as the admin API shows it

Where
  (default)         the local cloud, from .local/cloud.json (npm start writes it); --state FILE
  --stage NAME      a deployed stage (AWS credentials and region from the usual chain;
                    admin API calls need COMMERCE_ADMIN_TOKEN)

Options
  --json            one JSON document (or one event per line) for scripts; no progress bars
  TIME              ISO 8601 (2026-12-02T00:00:00Z) or relative: 30m, 6h, 1d ago (e.g. --from 1d)`;

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        stage: { type: 'string' },
        state: { type: 'string', default: '.local/cloud.json' },
        json: { type: 'boolean', default: false },
        type: { type: 'string', multiple: true, default: [] },
        target: { type: 'string', multiple: true, default: [] },
        from: { type: 'string' },
        to: { type: 'string' },
        count: { type: 'string' },
        seconds: { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
})();

const positiveInt = (text: string | undefined, flag: string): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new OpsError(`${flag} must be a positive whole number`, 2);
  return n;
};

const run = async (): Promise<void> => {
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    console.log(USAGE);
    return;
  }
  const out = output(values.json);
  const target = async (): Promise<Target> =>
    values.stage ? awsTarget(values.stage) : localTarget(values.state);
  const needArg = (what: string) => {
    if (!arg) throw new OpsError(`${group} ${command} needs ${what}\n\n${USAGE}`, 2);
    return arg;
  };
  switch (`${group} ${command ?? ''}`) {
    case 'events tail':
      return tail(
        await target(),
        {
          types: values.type,
          ...(values.count ? { count: positiveInt(values.count, '--count') } : {}),
          ...(values.seconds ? { seconds: positiveInt(values.seconds, '--seconds') } : {}),
        },
        out,
      );
    case 'events replay':
      return replay(
        await target(),
        {
          from: parseTime(values.from, '--from'),
          to: values.to ? parseTime(values.to, '--to') : new Date(),
          types: values.type,
          targets: values.target,
          noWait: values['no-wait'],
        },
        out,
      );
    case 'dlq list':
      return dlq.list(await target(), out);
    case 'dlq redrive':
      return dlq.redrive(await target(), needArg('a queue name (see `dlq list`)'), out);
    case 'webhooks test':
      return testWebhook(await target(), needArg('a webhook id'), out);
    case 'orders show':
      return showOrder(await target(), needArg('an order id'), out);
    default:
      throw new OpsError(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`, 2);
  }
};

try {
  await run();
  process.exit(0);
} catch (error) {
  if (error instanceof OpsError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  // An AWS or network error: its message is what the user needs; the stack is not.
  const name = error instanceof Error ? error.name : 'Error';
  console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.OPS_DEBUG) console.error(error);
  process.exit(1);
}
