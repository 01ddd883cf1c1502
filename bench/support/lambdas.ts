// Lambda invocations of the local runtime, observed from the messages it posts to its worker threads
// (one `{ id, event, context }` per invocation, answered by `{ id, ok }`). The runtime keeps no record of
// its own, so this wraps `Worker.prototype.postMessage` in this process: measurement only, and it must
// be imported before the cloud starts its first worker.
import { Worker } from 'node:worker_threads';
import { instanceOf } from './instances.ts';

/** One invocation: which function, when it ran (ms, `performance.now()`), and its event's record count. */
export interface Invocation {
  readonly fn: string;
  readonly start: number;
  end: number;
  ok: boolean;
  /** Records in a stream or queue batch (pipes, SQS); 0 for other events. */
  readonly records: number;
  /** The instance that ran it (`instances.ts`), to match the requests it made. */
  readonly instance: string;
  /** API Gateway's `routeKey` (`POST /carts`) when the event came through the gateway, else `''`. */
  readonly route: string;
}

interface Posted {
  id?: unknown;
  event?: unknown;
  context?: { functionName?: unknown };
}

const invocations: Invocation[] = [];
const open = new Map<string, Invocation>();
const watched = new WeakSet<Worker>();

/** The worker each open invocation was posted to. */
const postedTo = new Map<string, Worker>();

const finish = (id: string, ok: boolean) => {
  const call = open.get(id);
  if (!call) return;
  open.delete(id);
  postedTo.delete(id);
  call.end = performance.now();
  call.ok = ok;
};

const watch = (worker: Worker) => {
  if (watched.has(worker)) return;
  watched.add(worker);
  worker.on('message', (reply: { id?: unknown; ok?: unknown }) => {
    if (typeof reply?.id === 'string') finish(reply.id, reply.ok === true);
  });
  // An instance that timed out or crashed is terminated without answering: its invocation ended there.
  worker.once('exit', () => {
    for (const [id, w] of postedTo) if (w === worker) finish(id, false);
  });
};

const original = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
  const posted = args[0] as Posted | null;
  if (typeof posted?.id === 'string' && typeof posted.context?.functionName === 'string') {
    // Pipes hand a Lambda target a JSON array of records; SQS and streams an event with `Records`.
    const event = posted.event as { Records?: unknown; routeKey?: unknown } | unknown[] | null | undefined;
    const records = Array.isArray(event) ? event : event?.Records;
    const call: Invocation = {
      fn: posted.context.functionName,
      start: performance.now(),
      end: Number.NaN,
      ok: false,
      records: Array.isArray(records) ? records.length : 0,
      instance: instanceOf(this),
      route: !Array.isArray(event) && typeof event?.routeKey === 'string' ? event.routeKey : '',
    };
    open.set(posted.id, call);
    postedTo.set(posted.id, this);
    invocations.push(call);
    watch(this);
  }
  original.apply(this, args);
};

/** The invocations recorded since `mark()`. */
export const lambdas = {
  mark: () => invocations.length,
  since: (mark: number) => invocations.slice(mark),
  /** Invocations not answered yet. */
  inFlight: () => open.size,
  /** Resolves once no invocation has run or started for `quietMs` (pipes and pollers caught up). */
  settle: async (quietMs: number, timeoutMs = 60_000) => {
    const deadline = performance.now() + timeoutMs;
    let seen = -1;
    let quietSince = performance.now();
    while (performance.now() < deadline) {
      if (open.size > 0 || invocations.length !== seen) {
        seen = invocations.length;
        quietSince = performance.now();
      } else if (performance.now() - quietSince >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    const running = [...open.values()].map((c) => c.fn);
    const recent = invocations.slice(-10).map((c) => c.fn);
    throw new Error(
      `Lambda invocations did not settle within ${timeoutMs} ms (running: ${running.join(', ') || 'none'}; last started: ${recent.join(', ')})`,
    );
  },
};
