import type { Worker } from 'node:worker_threads';
import { type InitOutcome, type InstanceSpec, runInstance, startInstance } from './instance.ts';
import { FunctionError, type Invoke } from './types.ts';

export interface FunctionSpec extends InstanceSpec {
  /** Concurrent instances of this function, instead of the runtime's default. */
  readonly maxInstances?: number;
}

/** Lambda's limit on the init phase of an on-demand function, apart from the function's timeout. */
export const INIT_TIMEOUT_SECONDS = 10;

/**
 * Instances of one function: idle instances are reused (warm), new ones start up to `maxInstances`.
 *
 * A new instance goes through Lambda's two phases. The init phase (importing the bundle, the module's
 * top-level code) has its own limit (10 s) and does not count against the invocation. As in AWS, an
 * init that times out or fails is retried once as part of the first invoke: the retried init and the
 * handler then share the function's timeout, and a retry that does not finish in it ends the invocation
 * with `Sandbox.Timedout` (or the init's error).
 */
class FunctionPool {
  readonly #spec: FunctionSpec;
  readonly #maxInstances: number;
  readonly #initTimeoutMs: number;
  readonly #idle: Worker[] = [];
  /** Invocations waiting for an instance: handed a warm one, or `undefined` (a slot to start one in). */
  readonly #waiting: Array<(w: Worker | undefined) => void> = [];
  readonly #all = new Set<Worker>();
  /** Instances alive or starting; never more than `#maxInstances`. */
  #slots = 0;
  #stopped = false;

  constructor(spec: FunctionSpec, maxInstances: number, initTimeoutSeconds: number) {
    this.#spec = spec;
    this.#maxInstances = maxInstances;
    this.#initTimeoutMs = initTimeoutSeconds * 1000;
  }

  async invoke(event: unknown, where: { region: string; accountId: string }): Promise<unknown> {
    const warm = await this.#acquire();
    const { worker, remainingMs } = warm
      ? { worker: warm, remainingMs: this.#spec.timeoutSeconds * 1000 }
      : await this.#coldStart();
    const outcome = await runInstance(worker, this.#spec, event, remainingMs, where);
    if (outcome.reusable) this.#release(worker);
    else this.#discard(worker);
    if (outcome.error) throw outcome.error;
    return outcome.result;
  }

  /** Starts an instance in the slot this invocation holds; frees the slot and throws if none comes up. */
  async #coldStart(): Promise<{ worker: Worker; remainingMs: number }> {
    const timeoutMs = this.#spec.timeoutSeconds * 1000;
    const first = await this.#start(this.#initTimeoutMs);
    if (first.status === 'ready') return { worker: first.worker, remainingMs: timeoutMs };
    this.#report(first, this.#initTimeoutMs);
    // The retry runs inside the invocation: from here on the function's timeout counts.
    const invokeStarted = Date.now();
    const retry = await this.#start(timeoutMs);
    if (retry.status === 'ready')
      return { worker: retry.worker, remainingMs: timeoutMs - (Date.now() - invokeStarted) };
    this.#freeSlot();
    if (retry.status === 'error') throw retry.error;
    const { timeoutSeconds } = this.#spec;
    throw new FunctionError(
      'Sandbox.Timedout',
      `Task timed out after ${timeoutSeconds.toFixed(2)} seconds: the init did not finish ` +
        `(the init phase timed out after ${(this.#initTimeoutMs / 1000).toFixed(2)} seconds, ` +
        'and its retry within the invocation ran out of the function timeout)',
    );
  }

  async #start(limitMs: number): Promise<InitOutcome> {
    if (this.#stopped) throw new Error(`The local Lambda runtime has stopped (${this.#spec.name})`);
    const outcome = await startInstance(this.#spec, limitMs);
    if (outcome.status !== 'ready') return outcome;
    if (this.#stopped) {
      void outcome.worker.terminate();
      throw new Error(`The local Lambda runtime has stopped (${this.#spec.name})`);
    }
    this.#all.add(outcome.worker);
    return outcome;
  }

  /** Lambda's INIT_REPORT for a failed init phase, so a slow machine shows why a first call was slow. */
  #report(outcome: InitOutcome, limitMs: number): void {
    const status = outcome.status === 'error' ? `error: ${outcome.error.errorType}` : 'timeout';
    console.warn(
      `INIT_REPORT ${this.#spec.name} Init Duration: ${limitMs.toFixed(2)} ms Phase: init Status: ${status} (retrying the init within the invocation)`,
    );
  }

  #acquire(): Promise<Worker | undefined> {
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.#slots < this.#maxInstances) {
      this.#slots++;
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(worker: Worker): void {
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#idle.push(worker);
  }

  #discard(worker: Worker): void {
    this.#all.delete(worker);
    void worker.terminate();
    this.#freeSlot();
  }

  /** A slot freed by a discarded or failed instance passes to the next waiting invocation, which starts one. */
  #freeSlot(): void {
    const next = this.#waiting.shift();
    if (next) next(undefined);
    else this.#slots--;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
    // Waiting invocations get a slot, and so the error of a stopped runtime, instead of hanging.
    for (const next of this.#waiting.splice(0)) next(undefined);
  }
}

export interface LambdaRuntime {
  readonly invoke: Invoke;
  /** The functions this runtime serves. */
  readonly functionNames: string[];
  stop(): Promise<void>;
}

/**
 * Serves the given functions: each invocation runs in an isolated worker with the function's env.
 * `initTimeoutSeconds` (default Lambda's 10 s) limits the init phase; tests shorten it.
 */
export const createRuntime = (
  specs: readonly FunctionSpec[],
  options: {
    region: string;
    accountId: string;
    maxInstancesPerFunction?: number;
    initTimeoutSeconds?: number;
  },
): LambdaRuntime => {
  const initTimeoutSeconds = options.initTimeoutSeconds ?? INIT_TIMEOUT_SECONDS;
  const pools = new Map(
    specs.map((s) => [
      s.name,
      new FunctionPool(s, s.maxInstances ?? options.maxInstancesPerFunction ?? 4, initTimeoutSeconds),
    ]),
  );
  const where = { region: options.region, accountId: options.accountId };
  return {
    functionNames: [...pools.keys()],
    invoke: async (functionName, event) => {
      const pool = pools.get(functionName);
      if (!pool) throw new FunctionError('ResourceNotFoundException', `Function not found: ${functionName}`);
      return pool.invoke(event, where);
    },
    stop: async () => {
      await Promise.all([...pools.values()].map((p) => p.stop()));
    },
  };
};
