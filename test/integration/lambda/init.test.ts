import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRuntime, type LambdaRuntime } from '#local/lambda/runtime.ts';
import { FunctionError } from '#local/lambda/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'lambda-init-'));
let runtime: LambdaRuntime | undefined;
let count = 0;

/**
 * A function whose bundle is `source`. Each import of the module appends a line to `INITS_FILE` first
 * (see `inits()`), so a test can tell how often the init ran.
 */
const serve = (source: string, spec: { timeoutSeconds: number; initTimeoutSeconds?: number }) => {
  const name = `fn${++count}`;
  const file = join(dir, `${name}.mjs`);
  const initsFile = join(dir, `${name}.inits`);
  writeFileSync(
    file,
    `import { appendFileSync } from 'node:fs';\nappendFileSync(process.env.INITS_FILE, 'init\\n');\n${source}`,
  );
  runtime = createRuntime(
    [
      {
        name,
        file,
        memoryMb: 128,
        timeoutSeconds: spec.timeoutSeconds,
        environment: { INITS_FILE: initsFile },
      },
    ],
    { region: 'us-east-1', accountId: '000000000000', initTimeoutSeconds: spec.initTimeoutSeconds ?? 10 },
  );
  return {
    invoke: (event: unknown = {}) => runtime!.invoke(name, event),
    inits: () => readFileSync(initsFile, 'utf8').split('\n').filter(Boolean).length,
  };
};

/** The FunctionError an invocation rejects with. */
const failure = async (invocation: Promise<unknown>): Promise<FunctionError> => {
  const error = await invocation.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FunctionError);
  return error as FunctionError;
};

afterEach(async () => {
  vi.restoreAllMocks();
  await runtime?.stop();
  runtime = undefined;
});

describe('local Lambda runtime: init phase', () => {
  it('does not count a slow init against the invocation timeout', async () => {
    const fn = serve(
      `await new Promise((resolve) => setTimeout(resolve, 2500));
export const handler = async (_event, context) => ({ remaining: context.getRemainingTimeInMillis() });`,
      { timeoutSeconds: 2 },
    );
    // The init takes longer than the whole function timeout, yet the handler starts with most of it.
    const result = (await fn.invoke()) as { remaining: number };
    expect(result.remaining).toBeGreaterThan(1000);
    expect(result.remaining).toBeLessThanOrEqual(2000);
    expect(fn.inits()).toBe(1);
  });

  it('initialises an instance once and serves later invocations warm', async () => {
    const fn = serve('export const handler = async (event) => event;', { timeoutSeconds: 5 });
    expect(await fn.invoke({ n: 1 })).toEqual({ n: 1 });
    expect(await fn.invoke({ n: 2 })).toEqual({ n: 2 });
    expect(fn.inits()).toBe(1);
  });

  it('retries an init that timed out once, within the first invocation, and serves it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The first init never finishes; the retry (a fresh instance) does.
    const fn = serve(
      `import { readFileSync } from 'node:fs';
if (readFileSync(process.env.INITS_FILE, 'utf8').split('\\n').filter(Boolean).length === 1)
  await new Promise(() => setInterval(() => {}, 1000));
export const handler = async () => 'served';`,
      { timeoutSeconds: 5, initTimeoutSeconds: 2 },
    );
    expect(await fn.invoke()).toBe('served');
    expect(fn.inits()).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/INIT_REPORT .* Phase: init Status: timeout/));
  });

  it('fails an init that never finishes as a timeout of the init, after the init phase and one retry', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fn = serve(
      `await new Promise(() => setInterval(() => {}, 1000));
export const handler = async () => 'never';`,
      { timeoutSeconds: 1, initTimeoutSeconds: 1 },
    );
    const started = Date.now();
    const error = await failure(fn.invoke());
    expect(error.errorType).toBe('Sandbox.Timedout');
    expect(error.message).toMatch(/^Task timed out after 1\.00 seconds: the init did not finish/);
    expect(error.message).toMatch(/init phase timed out after 1\.00 seconds/);
    // The init phase's own second, then the retry within the invocation's second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('reports a failing init with its error, after one retry within the invocation', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fn = serve(
      `class BootError extends Error { name = 'BootError'; }
throw new BootError('no configuration');`,
      { timeoutSeconds: 5 },
    );
    const error = await failure(fn.invoke());
    expect(error).toMatchObject({ errorType: 'BootError', message: 'no configuration' });
    expect(fn.inits()).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Phase: init Status: error: BootError/));
  });

  it('names a bundle without the handler export as Runtime.HandlerNotFound', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fn = serve('export const main = async () => 1;', { timeoutSeconds: 5 });
    expect(await failure(fn.invoke())).toMatchObject({ errorType: 'Runtime.HandlerNotFound' });
  });

  it('times a slow handler out after the function timeout and starts a fresh instance next', async () => {
    const fn = serve(
      `export const handler = async (event) => {
  if (event.slow) await new Promise((resolve) => setTimeout(resolve, 5000));
  return 'done';
};`,
      { timeoutSeconds: 1 },
    );
    const error = await failure(fn.invoke({ slow: true }));
    expect(error).toMatchObject({
      errorType: 'Sandbox.Timedout',
      message: 'Task timed out after 1.00 seconds',
    });
    expect(await fn.invoke({ slow: false })).toBe('done');
    expect(fn.inits()).toBe(2);
  });
});
