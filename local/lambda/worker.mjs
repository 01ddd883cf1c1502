// One Lambda execution environment: loads a function's bundle once (the cold start), then serves one
// invocation at a time, like a Lambda instance. Plain JS so it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const { file, handlerName } = workerData;
let handler;
let initError;
try {
  const mod = await import(file);
  handler = mod[handlerName];
  if (typeof handler !== 'function') throw new Error(`${file} does not export ${handlerName}`);
} catch (error) {
  initError = error;
}

const describe = (error) => ({
  errorType: error?.name ?? 'Error',
  errorMessage: String(error?.message ?? error),
  stack: typeof error?.stack === 'string' ? error.stack.split('\n') : [],
});

parentPort.on('message', async ({ id, event, context }) => {
  if (initError) {
    parentPort.postMessage({ id, ok: false, init: true, ...describe(initError) });
    return;
  }
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
