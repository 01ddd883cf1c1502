import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { waitBudget } from '../support/budget.ts';

const listening = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * `npm start` bundles every function, starts DynamoDB Local and every other piece: its readiness wait
 * grows with the number of functions and with the machine's load. Stopping is quick; it gets its own part.
 */
const READY_MS = waitBudget(Object.keys(app.functions).length, { perItemMs: 750, baseMs: 30_000 });
const TEST_MS = READY_MS + waitBudget(0, { baseMs: 20_000 });

describe('npm start lifecycle', () => {
  const name = 'starts, serves, and on Ctrl-C stops every piece including the DynamoDB Local Java process';
  it(name, { timeout: TEST_MS }, async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'cloud-')), 'cloud.json');
    const child = spawn(
      'node_modules/.bin/tsx',
      ['local/main.ts', '--port', '0', '--no-seed', '--state', state],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in ${READY_MS} ms:\n${output}`)), READY_MS);
      // A start that fails says so at once instead of waiting out the budget.
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ctrl-C stops it all')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
    });
    const info = JSON.parse(readFileSync(state, 'utf8'));
    expect((await fetch(`${info.apiUrl}/health`)).status).toBe(200);
    const endpoints: string[] = [
      info.apiUrl,
      info.stripe.apiUrl,
      ...Object.values(info.endpoints as Record<string, string>),
    ];
    expect(await listening(info.endpoints.dynamodb)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const url of endpoints) expect(await listening(url), url).toBe(false);
  });
});
