// Which Lambda instance made a DynamoDB request, exactly, however many flows run at once. Every worker
// the local runtime starts is given its own `_X_AMZN_TRACE_ID`; the AWS SDK's recursion detection copies
// that variable into an `X-Amzn-Trace-Id` header on every request a Lambda makes, and the counting proxy
// forwards it. An instance serves one invocation at a time, so instance + time names the invocation.
// Measurement only: it replaces `worker_threads.Worker` in this process by a subclass that adds the
// variable, and must be imported before the cloud starts its first worker.
import { syncBuiltinESMExports } from 'node:module';
import workerThreads, { type WorkerOptions } from 'node:worker_threads';

const PREFIX = 'Root=1-bench-';
const tags = new WeakMap<object, string>();
let started = 0;

const Original = workerThreads.Worker;

class TaggedWorker extends Original {
  constructor(file: string | URL, options: WorkerOptions = {}) {
    const tag = `${PREFIX}${++started}`;
    const env = options.env;
    const tagged =
      env && typeof env === 'object' ? { ...options, env: { ...env, _X_AMZN_TRACE_ID: tag } } : options;
    super(file, tagged);
    if (tagged !== options) tags.set(this, tag);
  }
}

workerThreads.Worker = TaggedWorker;
// ES module imports of `node:worker_threads` (the local runtime's) see the subclass from now on.
syncBuiltinESMExports();

/** The tag of a worker this process started with an environment (`''` when it has none). */
export const instanceOf = (worker: object) => tags.get(worker) ?? '';

/** The instance tag a request's `X-Amzn-Trace-Id` header names (`''` for anything else). */
export const instanceIn = (traceHeader: unknown) => {
  const value = String(traceHeader ?? '');
  return value.startsWith(PREFIX) ? value : '';
};
