import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { ScheduleDef } from '#platform/definition/types.ts';
import type { Invoke } from '../lambda/types.ts';
import { rateToMs } from './rate.ts';

export interface SchedulesOptions {
  readonly schedules: Readonly<Record<string, ScheduleDef>>;
  readonly invoke: Invoke;
  readonly region: string;
  readonly accountId: string;
  /** Overrides every period (tests); the definition's rate otherwise. */
  readonly intervalMs?: number;
}

/** The event EventBridge sends a scheduled rule's target. */
export const scheduledEvent = (
  ruleArn: string,
  region: string,
  account: string,
  now = new Date(),
): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account,
  time: `${now.toISOString().slice(0, 19)}Z`,
  region,
  resources: [ruleArn],
  detail: {},
});

/**
 * EventBridge schedule rules: a timer per schedule invokes its function with the scheduled event. A
 * tick that fires while the previous run is still going is skipped (AWS would run both; the functions
 * must tolerate that anyway). Failures are logged; the next tick runs regardless.
 */
export const start = (options: SchedulesOptions): { stop(): Promise<void> } => {
  const running = new Set<Promise<unknown>>();
  const timers = Object.entries(options.schedules).map(([name, def]) => {
    const ruleArn = `arn:aws:events:${options.region}:${options.accountId}:rule/${name}`;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = options
        .invoke(def.function, scheduledEvent(ruleArn, options.region, options.accountId))
        .catch((error: unknown) => console.error(`[schedules] ${name} → ${def.function} failed:`, error))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, options.intervalMs ?? rateToMs(def.rate));
    timer.unref();
    return timer;
  });
  return {
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
};
