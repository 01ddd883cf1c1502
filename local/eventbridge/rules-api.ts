import type { EventPattern } from '#platform/definition/types.ts';
import { AwsError, missingMember } from './aws-error.ts';
import { type Bus, referenceName, refersTo } from './bus.ts';
import type { BusRule, Router } from './delivery.ts';

type Input = Readonly<Record<string, unknown>>;

/** How the bus delivers to a target ARN that no defined rule names, if it can. */
export type TargetOf = (arn: string) => BusRule['deliver'] | undefined;

/**
 * ListRules, DescribeRule, PutRule, DeleteRule, PutTargets, ListTargetsByRule and RemoveTargets on the
 * local bus. A rule added at run time can target what a defined rule already targets (its queue), or
 * what `targetOf` can deliver to (the local cloud: any of its queues, such as one made at run time).
 * That is what a temporary rule needs: the ops CLI's narrowed copy of a rule for a replay of some event
 * types, or its `events tail` queue.
 */
export const ruleOperations = (bus: Bus, router: Router, targetOf?: TargetOf) => {
  const ruleArn = (name: string) => `arn:aws:events:${bus.region}:${bus.accountId}:rule/${bus.name}/${name}`;
  // Every target the defined rules deliver to, by ARN.
  const targets = new Map(
    router
      .rules()
      .filter((r) => r.targetArn)
      .map((r) => [r.targetArn as string, r.deliver] as const),
  );
  // Rules put without a target yet: a rule with no target matches and delivers nothing.
  const pending = new Map<string, EventPattern>();
  const targetIds = new Map<string, string>();

  const checkBus = (input: Input) => {
    if (!refersTo(bus, input.EventBusName))
      throw new AwsError(
        'ResourceNotFoundException',
        `Event bus ${referenceName(input.EventBusName)} does not exist.`,
      );
  };
  const find = (name: unknown): BusRule | undefined => router.rules().find((r) => r.name === name);
  const patternOf = (name: string): EventPattern | undefined => find(name)?.pattern ?? pending.get(name);
  const summary = (name: string, pattern: EventPattern) => ({
    Name: name,
    Arn: ruleArn(name),
    EventPattern: JSON.stringify(pattern),
    State: 'ENABLED',
    EventBusName: bus.name,
  });

  return {
    ListRules: (input: Input) => {
      checkBus(input);
      const prefix = String(input.NamePrefix ?? '');
      const all = [
        ...router.rules().map((r) => summary(r.name, r.pattern)),
        ...[...pending].map(([name, pattern]) => summary(name, pattern)),
      ];
      return { Rules: all.filter((r) => r.Name.startsWith(prefix)) };
    },
    DescribeRule: (input: Input) => {
      checkBus(input);
      const pattern = patternOf(String(input.Name));
      if (!pattern)
        throw new AwsError('ResourceNotFoundException', `Rule ${String(input.Name)} does not exist.`);
      return summary(String(input.Name), pattern);
    },
    PutRule: (input: Input) => {
      checkBus(input);
      const name = input.Name;
      if (typeof name !== 'string' || name === '') throw missingMember('name');
      if (typeof input.EventPattern !== 'string') throw missingMember('eventPattern');
      const pattern = JSON.parse(input.EventPattern) as EventPattern;
      const existing = find(name);
      if (existing) router.putRule({ ...existing, pattern });
      else pending.set(name, pattern);
      return { RuleArn: ruleArn(name) };
    },
    PutTargets: (input: Input) => {
      checkBus(input);
      const name = String(input.Rule);
      const pattern = patternOf(name);
      if (!pattern) throw new AwsError('ResourceNotFoundException', `Rule ${name} does not exist.`);
      const list = (Array.isArray(input.Targets) ? input.Targets : []) as { Id?: string; Arn?: string }[];
      const [target, ...more] = list;
      const deliver = target?.Arn ? (targets.get(target.Arn) ?? targetOf?.(target.Arn)) : undefined;
      if (!target || !deliver || more.length > 0)
        return {
          FailedEntryCount: list.length,
          FailedEntries: list.map((t) => ({
            TargetId: t.Id,
            ErrorCode: 'ValidationException',
            ErrorMessage:
              'The local bus can target only its own queues and what a defined rule targets, one target per rule.',
          })),
        };
      router.putRule({ name, pattern, targetArn: target.Arn as string, deliver });
      pending.delete(name);
      targetIds.set(name, target.Id ?? 'Target0');
      return { FailedEntryCount: 0, FailedEntries: [] };
    },
    ListTargetsByRule: (input: Input) => {
      checkBus(input);
      const rule = find(input.Rule);
      if (!rule && !pending.has(String(input.Rule)))
        throw new AwsError('ResourceNotFoundException', `Rule ${String(input.Rule)} does not exist.`);
      return {
        Targets: rule?.targetArn ? [{ Id: targetIds.get(rule.name) ?? 'Target0', Arn: rule.targetArn }] : [],
      };
    },
    RemoveTargets: (input: Input) => {
      checkBus(input);
      const rule = find(input.Rule);
      if (rule) {
        router.deleteRule(rule.name);
        pending.set(rule.name, rule.pattern);
      }
      return { FailedEntryCount: 0, FailedEntries: [] };
    },
    DeleteRule: (input: Input) => {
      checkBus(input);
      const name = String(input.Name);
      if (find(name))
        throw new AwsError('ValidationException', 'Rule can’t be deleted since it has targets.');
      pending.delete(name);
      return {};
    },
  };
};
