/**
 * Work Stripe does some time after an API call answered (a test card's refund settling). Each piece
 * runs once, after the delay, or sooner when `runNow` fast-forwards (tests, `POST /_local/refunds/settle`).
 */
export interface Later {
  schedule(work: () => void): void;
  /** Runs everything still waiting, oldest first; returns how many ran. */
  runNow(): number;
  /** Resolves when nothing is waiting. */
  idle(): Promise<void>;
  /** Drops what has not run: a stopped account settles nothing more. */
  stop(): void;
}

export const createLater = (delayMs: number, log: (line: string) => void): Later => {
  // Insertion-ordered, so runNow keeps the order the work was scheduled in.
  const waiting = new Map<NodeJS.Timeout, () => void>();
  let idlers: (() => void)[] = [];
  let stopped = false;

  const wakeIdlers = () => {
    if (waiting.size > 0) return;
    for (const resolve of idlers) resolve();
    idlers = [];
  };

  const run = (timer: NodeJS.Timeout) => {
    const work = waiting.get(timer);
    if (!work) return;
    clearTimeout(timer);
    waiting.delete(timer);
    try {
      work();
    } catch (error) {
      // A bug in the emulator must not take the process (and the local cloud) down from a timer.
      log(`deferred work failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    wakeIdlers();
  };

  return {
    schedule: (work) => {
      // A call answered just before stop may still hand work over; a stopped account drops it.
      if (stopped) return;
      const timer: NodeJS.Timeout = setTimeout(() => run(timer), delayMs);
      waiting.set(timer, work);
    },
    runNow: () => {
      const timers = [...waiting.keys()];
      for (const timer of timers) run(timer);
      return timers.length;
    },
    idle: () => (waiting.size === 0 ? Promise.resolve() : new Promise((resolve) => idlers.push(resolve))),
    stop: () => {
      stopped = true;
      for (const timer of waiting.keys()) clearTimeout(timer);
      waiting.clear();
      wakeIdlers();
    },
  };
};
