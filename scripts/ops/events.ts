import {
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  ListArchivesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  type Rule,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { OpsError, type Output } from './output.ts';
import { narrowedPattern, temporaryRuleName } from './replay-rules.ts';
import type { Target } from './target.ts';

interface BusEvent {
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly time: string;
  readonly detail?: { readonly id?: string; readonly data?: unknown };
}

const summary = (e: BusEvent): string =>
  `${e.time}  ${e.source.padEnd(22)} ${e['detail-type'].padEnd(26)} ${JSON.stringify(e.detail?.data ?? {}).slice(0, 100)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TailOptions {
  readonly types: readonly string[];
  /** Stop after this many events (scripts, tests); default: until Ctrl-C. */
  readonly count?: number;
  /** Stop after this many seconds. */
  readonly seconds?: number;
}

/**
 * `events tail`: prints events as they reach the bus, through a temporary queue subscribed by a
 * temporary rule, both removed on exit: the same calls in AWS and in the local cloud.
 */
export const tail = async (target: Target, options: TailOptions, out: Output): Promise<void> => {
  const deadline = options.seconds ? Date.now() + options.seconds * 1000 : Number.POSITIVE_INFINITY;
  let seen = 0;
  const print = (event: BusEvent) => {
    if (options.types.length > 0 && !options.types.includes(event['detail-type'])) return false;
    seen++;
    if (out.json) console.log(JSON.stringify(event));
    else console.log(summary(event));
    return options.count !== undefined && seen >= options.count;
  };
  out.line(
    `Tailing ${options.types.length ? options.types.join(', ') : 'every event'} on ${target.description} (Ctrl-C stops)`,
  );
  await tailThroughQueue(target, options.types, deadline, print);
};

const tailThroughQueue = async (
  target: Target,
  types: readonly string[],
  deadline: number,
  print: (event: BusEvent) => boolean,
): Promise<void> => {
  const name = `ops-tail-${Date.now()}`;
  const queue = await target.sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { MessageRetentionPeriod: '600' } }),
  );
  const queueUrl = queue.QueueUrl as string;
  const cleanup = async () => {
    await target.eventBridge
      .send(new RemoveTargetsCommand({ Rule: name, EventBusName: target.busName, Ids: ['tail'] }))
      .catch(() => undefined);
    await target.eventBridge
      .send(new DeleteRuleCommand({ Name: name, EventBusName: target.busName }))
      .catch(() => undefined);
    await target.sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })).catch(() => undefined);
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    const { Attributes } = await target.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
    const queueArn = Attributes?.QueueArn as string;
    const pattern = {
      source: [{ prefix: 'commerce.' }],
      ...(types.length ? { 'detail-type': [...types] } : {}),
    };
    const rule = await target.eventBridge.send(
      new PutRuleCommand({
        Name: name,
        EventBusName: target.busName,
        EventPattern: JSON.stringify(pattern),
        Description: 'ops events tail (temporary)',
      }),
    );
    await target.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: queueUrl,
        Attributes: {
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'events.amazonaws.com' },
                Action: 'sqs:SendMessage',
                Resource: queueArn,
                Condition: { ArnEquals: { 'aws:SourceArn': rule.RuleArn } },
              },
            ],
          }),
        },
      }),
    );
    await target.eventBridge.send(
      new PutTargetsCommand({
        Rule: name,
        EventBusName: target.busName,
        Targets: [{ Id: 'tail', Arn: queueArn }],
      }),
    );
    while (Date.now() < deadline) {
      const { Messages = [] } = await target.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }),
      );
      let stop = false;
      for (const m of Messages) stop = print(JSON.parse(m.Body ?? '{}') as BusEvent) || stop;
      if (Messages.length)
        await target.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
      if (stop) return;
    }
  } finally {
    process.off('SIGINT', interrupted);
    await cleanup();
  }
};

export interface ReplayOptions {
  readonly from: Date;
  readonly to: Date;
  readonly types: readonly string[];
  /** Rule names: only these receive the replay. Default: every rule on the bus. */
  readonly targets: readonly string[];
  /** Return once started instead of following the replay to its end. */
  readonly noWait?: boolean;
}

/**
 * `events replay`: puts the archived events of a window back on the bus, through EventBridge's own
 * replay (so it works the same locally and in AWS). Consumers are idempotent on `detail.id`, so a
 * consumer that already handled an event skips it: a replay fills in what a consumer missed.
 */
export const replay = async (target: Target, options: ReplayOptions, out: Output): Promise<void> => {
  if (!(options.from < options.to)) throw new OpsError('--from must be before --to', 2);
  const to = new Date(Math.min(options.to.getTime(), Date.now() - 1000));
  const eb = target.eventBridge;
  const busArn = await busArnOf(target);
  const archives = (await eb.send(new ListArchivesCommand({ EventSourceArn: busArn }))).Archives ?? [];
  const archive = archives[0];
  if (!archive?.ArchiveName) throw new OpsError(`The bus ${target.busName} has no archive to replay from`);
  const archiveArn = busArn.replace(/:event-bus\/.*$/, `:archive/${archive.ArchiveName}`);
  const rules = await busRules(target);
  const unknown = options.targets.filter((t) => !rules.some((r) => r.Name === t));
  if (unknown.length > 0)
    throw new OpsError(
      `No rule named ${unknown.join(', ')} on ${target.busName}. Rules: ${rules.map((r) => r.Name).join(', ')}`,
      2,
    );
  const replayName = `ops-${Date.now()}`;
  const chosen = options.targets.length ? rules.filter((r) => options.targets.includes(r.Name ?? '')) : rules;
  const temporary: string[] = [];
  try {
    let filterArns: string[] | undefined = options.targets.length
      ? chosen.map((r) => r.Arn as string)
      : undefined;
    if (options.types.length > 0) {
      filterArns = [];
      for (const rule of chosen) {
        const pattern = narrowedPattern(JSON.parse(rule.EventPattern ?? '{}'), options.types, replayName);
        if (!pattern) continue;
        const name = temporaryRuleName(replayName, rule.Name ?? '');
        const put = await eb.send(
          new PutRuleCommand({
            Name: name,
            EventBusName: target.busName,
            EventPattern: JSON.stringify(pattern),
            Description: `ops replay ${replayName} (temporary)`,
          }),
        );
        temporary.push(name);
        const { Targets = [] } = await eb.send(
          new ListTargetsByRuleCommand({ Rule: rule.Name, EventBusName: target.busName }),
        );
        await eb.send(new PutTargetsCommand({ Rule: name, EventBusName: target.busName, Targets }));
        filterArns.push(put.RuleArn as string);
      }
      if (filterArns.length === 0)
        throw new OpsError(
          `No ${options.targets.length ? 'chosen ' : ''}rule receives ${options.types.join(', ')}: nothing to replay`,
        );
    }
    await eb.send(
      new StartReplayCommand({
        ReplayName: replayName,
        EventSourceArn: archiveArn,
        EventStartTime: options.from,
        EventEndTime: to,
        Destination: { Arn: busArn, ...(filterArns ? { FilterArns: filterArns } : {}) },
      }),
    );
    out.line(
      `Replay ${replayName}: ${options.from.toISOString()} → ${to.toISOString()} from ${archive.ArchiveName}${options.types.length ? `, types ${options.types.join(', ')}` : ''}${options.targets.length ? `, to ${options.targets.join(', ')}` : ', to every rule'}`,
    );
    if (options.noWait && temporary.length === 0) {
      out.result({ replayName, state: 'STARTING' }, () => undefined);
      return;
    }
    const progress = out.progress('Replaying');
    const span = to.getTime() - options.from.getTime();
    for (;;) {
      const state = await eb.send(new DescribeReplayCommand({ ReplayName: replayName }));
      const last = state.EventLastReplayedTime?.getTime();
      progress.update(last ? (last - options.from.getTime()) / span : 0, state.State);
      if (state.State === 'COMPLETED' || state.State === 'FAILED' || state.State === 'CANCELLED') {
        progress.done(state.State);
        if (state.State !== 'COMPLETED')
          throw new OpsError(`Replay ${replayName} ${state.State}: ${state.StateReason ?? ''}`);
        out.result(
          { replayName, state: state.State, eventLastReplayedTime: state.EventLastReplayedTime },
          () =>
            out.line(
              `Replay ${replayName} completed${state.EventLastReplayedTime ? `; last event replayed was from ${state.EventLastReplayedTime.toISOString()}` : ' (no event in the window)'}`,
            ),
        );
        return;
      }
      await sleep(target.kind === 'local' ? 200 : 5000);
    }
  } finally {
    for (const name of temporary) await removeRule(target, name);
  }
};

/** Removes a temporary rule: its targets first, as EventBridge requires. Best effort: it is cleanup. */
const removeRule = async (target: Target, name: string): Promise<void> => {
  const scope = { EventBusName: target.busName };
  const { Targets = [] } = await target.eventBridge
    .send(new ListTargetsByRuleCommand({ Rule: name, ...scope }))
    .catch(() => ({ Targets: [] }));
  if (Targets.length > 0)
    await target.eventBridge
      .send(new RemoveTargetsCommand({ Rule: name, ...scope, Ids: Targets.map((t) => t.Id as string) }))
      .catch(() => undefined);
  await target.eventBridge.send(new DeleteRuleCommand({ Name: name, ...scope })).catch(() => undefined);
};

const busArnOf = async (target: Target): Promise<string> => {
  const bus = await target.eventBridge.send(new DescribeEventBusCommand({ Name: target.busName }));
  return bus.Arn as string;
};

const busRules = async (target: Target): Promise<Rule[]> => {
  const rules: Rule[] = [];
  let NextToken: string | undefined;
  do {
    const page = await target.eventBridge.send(
      new ListRulesCommand({ EventBusName: target.busName, NextToken }),
    );
    rules.push(...(page.Rules ?? []).filter((r) => !r.Name?.startsWith('ops-')));
    NextToken = page.NextToken;
  } while (NextToken);
  return rules;
};
