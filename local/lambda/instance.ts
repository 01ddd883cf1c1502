import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { FunctionError } from './types.ts';

/** What an instance needs to start: the bundle, its environment, its memory. */
export interface InstanceSpec {
  readonly name: string;
  /** Bundled ESM file exporting `handler`. */
  readonly file: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}

/** How one init ended: a ready instance, a failure (the error the invocation reports), or no answer in time. */
export type InitOutcome =
  | { readonly status: 'ready'; readonly worker: Worker }
  | { readonly status: 'error'; readonly error: FunctionError }
  | { readonly status: 'timeout' };

/** How one invocation ended, and whether its instance can serve again. */
export interface RunOutcome {
  readonly reusable: boolean;
  readonly result?: unknown;
  readonly error?: FunctionError;
}

/** What the worker posts once its handler module is imported (or failed to be). */
interface InitReply {
  readonly init: 'done' | 'error';
  readonly errorType?: string;
  readonly errorMessage?: string;
}

/** What the worker posts when an invocation ends. */
interface Reply {
  readonly id: string;
  readonly ok: boolean;
  readonly result?: string;
  readonly errorType?: string;
  readonly errorMessage?: string;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

// Every worker's output is piped into this process's stdout and stderr, each pipe adding listeners to
// them; dozens of execution environments are normal here, not a leak, so Node's warning at 11 is noise.
const MAX_PIPED_ENVIRONMENTS = 256;
for (const stream of [process.stdout, process.stderr])
  stream.setMaxListeners(Math.max(stream.getMaxListeners(), MAX_PIPED_ENVIRONMENTS));

/**
 * Starts one execution environment and waits at most `limitMs` for its init (the import of the bundle
 * and the module's top-level code) to finish. A worker that does not come up is terminated here.
 */
export const startInstance = (spec: InstanceSpec, limitMs: number): Promise<InitOutcome> => {
  const worker = new Worker(WORKER_URL, {
    workerData: { file: spec.file, handlerName: 'handler' },
    env: { ...spec.environment },
    // The function's memory setting caps the instance's heap, as Lambda caps the sandbox.
    resourceLimits: { maxOldGenerationSizeMb: spec.memoryMb },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  return new Promise((resolve) => {
    const settle = (outcome: InitOutcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onCrash);
      worker.off('exit', onExit);
      if (outcome.status !== 'ready') void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ status: 'timeout' }), limitMs);
    const onMessage = (reply: InitReply) => {
      if (reply.init === 'done') settle({ status: 'ready', worker });
      else
        settle({
          status: 'error',
          error: new FunctionError(reply.errorType ?? 'Error', reply.errorMessage ?? ''),
        });
    };
    const onCrash = (error: Error) =>
      settle({ status: 'error', error: new FunctionError('Runtime.ExitError', error.message) });
    const onExit = (code: number) =>
      settle({
        status: 'error',
        error: new FunctionError('Runtime.ExitError', `The instance exited during init (exit code ${code})`),
      });
    worker.on('message', onMessage);
    worker.once('error', onCrash);
    worker.once('exit', onExit);
  });
};

/** Lambda's context object for one invocation, as the worker hands it to the handler. */
const invocationContext = (spec: InstanceSpec, region: string, accountId: string, remainingMs: number) => {
  const id = randomUUID();
  return {
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${spec.name}`,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: id,
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: `local/${id}`,
    // What is left of the function's timeout: all of it, unless a retried init used part of it.
    timeoutMs: remainingMs,
  };
};

/**
 * Runs one invocation on a ready instance. The handler gets `remainingMs`; past it the invocation ends
 * with `Sandbox.Timedout` (naming the function's whole timeout, as Lambda does) and the instance is not
 * reusable (Lambda freezes it; here the caller discards it).
 */
export const runInstance = (
  worker: Worker,
  spec: InstanceSpec,
  event: unknown,
  remainingMs: number,
  where: { region: string; accountId: string },
): Promise<RunOutcome> => {
  const context = invocationContext(spec, where.region, where.accountId, remainingMs);
  return new Promise((resolve) => {
    const settle = (outcome: RunOutcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onCrash);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        settle({
          reusable: false,
          error: new FunctionError(
            'Sandbox.Timedout',
            `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`,
          ),
        }),
      Math.max(0, remainingMs),
    );
    const onMessage = (reply: Reply) => {
      if (reply.id !== context.awsRequestId) return;
      if (reply.ok) settle({ reusable: true, result: JSON.parse(reply.result ?? 'null') });
      else
        settle({
          reusable: true,
          error: new FunctionError(reply.errorType ?? 'Error', reply.errorMessage ?? ''),
        });
    };
    const onCrash = (error: Error) =>
      settle({ reusable: false, error: new FunctionError('Runtime.ExitError', error.message) });
    const onExit = (code: number) =>
      settle({
        reusable: false,
        error: new FunctionError('Runtime.ExitError', `The instance exited (exit code ${code})`),
      });
    worker.on('message', onMessage);
    worker.once('error', onCrash);
    worker.once('exit', onExit);
    worker.postMessage({ id: context.awsRequestId, event, context });
  });
};
