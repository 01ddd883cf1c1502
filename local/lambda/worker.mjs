// One Lambda execution environment: loads a function's bundle once (the init phase, which the runtime
// times apart from any invocation), reports how that went, then serves one invocation at a time, like a
// Lambda instance. Plain JS so it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const describe = (error) => ({
  errorType: error?.name ?? 'Error',
  errorMessage: String(error?.message ?? error),
  stack: typeof error?.stack === 'string' ? error.stack.split('\n') : [],
});

const { file, handlerName } = workerData;
let handler;
try {
  const mod = await import(file);
  handler = mod[handlerName];
  if (typeof handler !== 'function') {
    const error = new Error(`${file} does not export ${handlerName}`);
    // Lambda's name for a module without the configured handler.
    error.name = 'Runtime.HandlerNotFound';
    throw error;
  }
} catch (error) {
  // A failed init: the runtime discards this instance (Lambda resets the environment) and reports it.
  parentPort.postMessage({ init: 'error', ...describe(error) });
}

if (handler) {
  parentPort.on('message', async ({ id, event, context }) => {
    const deadline = Date.now() + context.timeoutMs;
    const lambdaContext = {
      ...context,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => {},
      fail: () => {},
      succeed: () => {},
    };
    try {
      const result = await handler(event, lambdaContext);
      // Lambda serialises the result to JSON; undefined becomes null.
      parentPort.postMessage({ id, ok: true, result: JSON.stringify(result ?? null) });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, ...describe(error) });
    }
  });
  parentPort.postMessage({ init: 'done' });
}
