import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { FunctionError, type Invoke } from './types.ts';

export interface FunctionSpec {
  readonly name: string;
  /** Bundled ESM file exporting `handler`. */
  readonly file: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Concurrent instances of this function, instead of the runtime's default. */
  readonly maxInstances?: number;
}

interface Reply {
  id: string;
  ok: boolean;
  result?: string;
  errorType?: string;
  errorMessage?: string;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** Instances of one function: idle workers are reused (warm), new ones start up to `maxInstances`. */
class FunctionPool {
  readonly #spec: FunctionSpec;
  readonly #maxInstances: number;
  readonly #idle: Worker[] = [];
  readonly #waiting: Array<(w: Worker) => void> = [];
  readonly #all = new Set<Worker>();

  constructor(spec: FunctionSpec, maxInstances: number) {
    this.#spec = spec;
    this.#maxInstances = maxInstances;
  }

  async invoke(event: unknown, region: string, accountId: string): Promise<unknown> {
    const worker = await this.#acquire();
    const id = randomUUID();
    const { name, timeoutSeconds, memoryMb } = this.#spec;
    const context = {
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
      memoryLimitInMB: String(memoryMb),
      awsRequestId: id,
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: `local/${id}`,
      timeoutMs: timeoutSeconds * 1000,
    };
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onCrash);
      };
      // A timed-out invocation freezes the instance in Lambda; here the worker is discarded.
      const timer = setTimeout(() => {
        cleanup();
        this.#discard(worker);
        reject(
          new FunctionError('Sandbox.Timedout', `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`),
        );
      }, timeoutSeconds * 1000);
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        cleanup();
        this.#release(worker);
        if (reply.ok) resolve(JSON.parse(reply.result ?? 'null'));
        else reject(new FunctionError(reply.errorType ?? 'Error', reply.errorMessage ?? ''));
      };
      const onCrash = (error: Error) => {
        cleanup();
        this.#discard(worker);
        reject(new FunctionError('Runtime.ExitError', error.message));
      };
      worker.on('message', onMessage);
      worker.once('error', onCrash);
      worker.postMessage({ id, event, context });
    });
  }

  async #acquire(): Promise<Worker> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.size < this.#maxInstances) return this.#spawn();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #spawn(): Worker {
    const { file, memoryMb, environment } = this.#spec;
    const worker = new Worker(WORKER_URL, {
      workerData: { file, handlerName: 'handler' },
      env: { ...environment },
      // The function's memory setting caps the instance's heap, as Lambda caps the sandbox.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.#all.add(worker);
    return worker;
  }

  #release(worker: Worker): void {
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#idle.push(worker);
  }

  #discard(worker: Worker): void {
    this.#all.delete(worker);
    void worker.terminate();
    const next = this.#waiting.shift();
    if (next) next(this.#spawn());
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
  }
}

export interface LambdaRuntime {
  readonly invoke: Invoke;
  /** The functions this runtime serves. */
  readonly functionNames: string[];
  stop(): Promise<void>;
}

/** Serves the given functions: each invocation runs in an isolated worker with the function's env. */
export const createRuntime = (
  specs: readonly FunctionSpec[],
  options: { region: string; accountId: string; maxInstancesPerFunction?: number },
): LambdaRuntime => {
  const pools = new Map(
    specs.map((s) => [s.name, new FunctionPool(s, s.maxInstances ?? options.maxInstancesPerFunction ?? 4)]),
  );
  return {
    functionNames: [...pools.keys()],
    invoke: async (functionName, event) => {
      const pool = pools.get(functionName);
      if (!pool) throw new FunctionError('ResourceNotFoundException', `Function not found: ${functionName}`);
      return pool.invoke(event, options.region, options.accountId);
    },
    stop: async () => {
      await Promise.all([...pools.values()].map((p) => p.stop()));
    },
  };
};
