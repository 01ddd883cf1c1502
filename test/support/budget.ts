import { availableParallelism, loadavg } from 'node:os';

/** The most a budget is stretched for a busy machine: a hang still fails, just later. */
const MAX_SCALE = 8;

/**
 * How much slower than an idle machine this one is now: the 1-minute load average per core, between 1
 * and 8. `TEST_TIME_SCALE` (a number) pins it, e.g. on a CI machine known to be slow.
 */
export const loadScale = (): number => {
  const pinned = Number(process.env.TEST_TIME_SCALE);
  if (pinned > 0) return pinned;
  const perCore = (loadavg()[0] ?? 0) / availableParallelism();
  return Math.min(MAX_SCALE, Math.max(1, perCore));
};

/** A wait of `idleMs` on an idle machine, stretched by `loadScale()`: for waits on a timer plus processing. */
export const scaled = (idleMs: number): number => Math.ceil(idleMs * loadScale());

/** What one unit of work costs on an idle machine, and the fixed part of the wait (start-up, set-up). */
export interface BudgetOptions {
  /** Milliseconds per work item on an idle machine (default 50). */
  readonly perItemMs?: number;
  /** Milliseconds of fixed cost on an idle machine (default 5,000). */
  readonly baseMs?: number;
}

/**
 * A time limit in ms for a wait or a test that does `workItems` units of work: the fixed part plus
 * `workItems` × the per-item cost, times `loadScale()`. Use it instead of a fixed 60 s or 120 s so the
 * limit grows with what the test does and with the machine's load, and stays bounded.
 */
export const waitBudget = (workItems: number, options: BudgetOptions = {}): number => {
  const { perItemMs = 50, baseMs = 5_000 } = options;
  return Math.ceil((baseMs + workItems * perItemMs) * loadScale());
};
