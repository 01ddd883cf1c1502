import type { Archive } from './archive.ts';
import { AwsError, missingMember } from './aws-error.ts';
import type { Bus } from './bus.ts';
import type { Router } from './delivery.ts';

type Input = Readonly<Record<string, unknown>>;

/** A replay as `DescribeReplay` reports it. */
interface Replay {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  state: 'STARTING' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  stateReason?: string;
  readonly archiveArn: string;
  readonly destination: { Arn: string; FilterArns?: string[] };
  readonly start: Date;
  readonly end: Date;
  readonly startedAt: Date;
  endedAt?: Date;
  lastReplayed?: Date;
}

const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

/** The JSON protocol sends timestamps as epoch seconds (the SDK), or an ISO string (hand-written calls). */
const timeOf = (value: unknown, member: string): Date => {
  if (value === undefined || value === null) throw missingMember(member);
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(String(value));
  if (Number.isNaN(date.getTime()))
    throw new AwsError('ValidationException', `${member} is not a timestamp.`);
  return date;
};

/**
 * Archives and replays of the local bus (ListArchives, DescribeArchive, StartReplay, DescribeReplay,
 * ListReplays), as EventBridge runs them: a replay puts the archived events of its window back on the
 * bus, each with a `replay-name` field, to every rule or only to `Destination.FilterArns`, and is never
 * archived again. Events go out oldest first; the replay reports the last one's time as it goes.
 */
export const replayOperations = (bus: Bus, archive: Archive, router: Router) => {
  const archiveArn = `arn:aws:events:${bus.region}:${bus.accountId}:archive/${archive.name}`;
  const ruleArn = (name: string) => `arn:aws:events:${bus.region}:${bus.accountId}:rule/${bus.name}/${name}`;
  const replays = new Map<string, Replay>();

  const archiveSummary = () => ({
    ArchiveName: archive.name,
    EventSourceArn: bus.arn,
    State: 'ENABLED',
    RetentionDays: 0,
    SizeBytes: archive.sizeBytes(),
    EventCount: archive.eventCount(),
    CreationTime: seconds(archive.createdAt),
  });

  const describe = (r: Replay) => ({
    ReplayName: r.name,
    ReplayArn: r.arn,
    ...(r.description ? { Description: r.description } : {}),
    State: r.state,
    ...(r.stateReason ? { StateReason: r.stateReason } : {}),
    EventSourceArn: r.archiveArn,
    Destination: r.destination,
    EventStartTime: seconds(r.start),
    EventEndTime: seconds(r.end),
    ...(r.lastReplayed ? { EventLastReplayedTime: seconds(r.lastReplayed) } : {}),
    ReplayStartTime: seconds(r.startedAt),
    ...(r.endedAt ? { ReplayEndTime: seconds(r.endedAt) } : {}),
  });

  const run = async (replay: Replay, rules: ReadonlySet<string> | undefined) => {
    // Let StartReplay answer first, as AWS does: the replay runs in the background.
    await new Promise((resolve) => setImmediate(resolve));
    replay.state = 'RUNNING';
    for (const event of archive.between(replay.start, replay.end)) {
      router.route({ ...event, 'replay-name': replay.name } as typeof event, rules ? { rules } : {});
      replay.lastReplayed = new Date(event.time);
      await new Promise((resolve) => setImmediate(resolve));
    }
    replay.state = 'COMPLETED';
    replay.endedAt = new Date();
  };

  return {
    ListArchives: (input: Input) => ({
      Archives:
        (input.EventSourceArn === undefined || input.EventSourceArn === bus.arn) &&
        archive.name.startsWith(String(input.NamePrefix ?? ''))
          ? [archiveSummary()]
          : [],
    }),
    DescribeArchive: (input: Input) => {
      if (input.ArchiveName !== archive.name)
        throw new AwsError(
          'ResourceNotFoundException',
          `Archive ${String(input.ArchiveName)} does not exist.`,
        );
      return {
        ArchiveArn: archiveArn,
        ...archiveSummary(),
        EventPattern: JSON.stringify({ account: [bus.accountId] }),
      };
    },
    StartReplay: (input: Input) => {
      const name = input.ReplayName;
      if (typeof name !== 'string' || name === '') throw missingMember('replayName');
      if (replays.has(name))
        throw new AwsError('ResourceAlreadyExistsException', `Replay ${name} already exists.`);
      if (input.EventSourceArn !== archiveArn)
        throw new AwsError(
          'ValidationException',
          `Parameter EventSourceArn is not valid: ${String(input.EventSourceArn)}`,
        );
      const start = timeOf(input.EventStartTime, 'eventStartTime');
      const end = timeOf(input.EventEndTime, 'eventEndTime');
      if (end <= start)
        throw new AwsError('ValidationException', 'EventEndTime must be after EventStartTime.');
      if (end.getTime() > Date.now())
        throw new AwsError('ValidationException', 'EventEndTime cannot be later than the current time.');
      const destination = (input.Destination ?? {}) as { Arn?: unknown; FilterArns?: unknown };
      if (destination.Arn !== bus.arn)
        throw new AwsError('ValidationException', 'Destination.Arn must be the archive’s source event bus.');
      const filterArns = Array.isArray(destination.FilterArns)
        ? destination.FilterArns.map(String)
        : undefined;
      const byArn = new Map(router.rules().map((r) => [ruleArn(r.name), r.name]));
      const unknown = filterArns?.filter((arn) => !byArn.has(arn)) ?? [];
      if (unknown.length > 0)
        throw new AwsError('ResourceNotFoundException', `Rule ${unknown[0]} does not exist.`);
      const replay: Replay = {
        name,
        arn: `arn:aws:events:${bus.region}:${bus.accountId}:replay/${name}`,
        ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
        state: 'STARTING',
        archiveArn,
        destination: { Arn: bus.arn, ...(filterArns ? { FilterArns: filterArns } : {}) },
        start,
        end,
        startedAt: new Date(),
      };
      replays.set(name, replay);
      const rules = filterArns ? new Set(filterArns.map((arn) => byArn.get(arn) ?? '')) : undefined;
      void run(replay, rules).catch((error: unknown) => {
        replay.state = 'FAILED';
        replay.stateReason = error instanceof Error ? error.message : String(error);
      });
      return { ReplayArn: replay.arn, State: replay.state, ReplayStartTime: seconds(replay.startedAt) };
    },
    DescribeReplay: (input: Input) => {
      const replay = replays.get(String(input.ReplayName));
      if (!replay)
        throw new AwsError('ResourceNotFoundException', `Replay ${String(input.ReplayName)} does not exist.`);
      return describe(replay);
    },
    ListReplays: (input: Input) => ({
      Replays: [...replays.values()]
        .filter((r) => r.name.startsWith(String(input.NamePrefix ?? '')))
        .map((r) => {
          const {
            Destination: _,
            ReplayArn: __,
            Description: ___,
            ...summary
          } = describe(r) as Record<string, unknown>;
          return summary;
        }),
    }),
  };
};
