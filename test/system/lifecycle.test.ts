import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { waitBudget } from '../support/budget.ts';
import { eventually } from '../support/cloud.ts';

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
const TEST_MS = READY_MS + waitBudget(0, { baseMs: 45_000 });

describe('npm start lifecycle', () => {
  const name = 'starts, serves, and on Ctrl-C stops every piece including the DynamoDB Local Java process';
  it(name, { timeout: TEST_MS }, async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'cloud-')), 'cloud.json');
    // As `npm start` runs it: node itself, so Ctrl-C reaches the cloud's own handler (tsx's CLI relays
    // signals and kills its child when the relay is not acknowledged within 30 ms, as on a busy machine).
    const child = spawn(
      'node_modules/.bin/node',
      ['--import', 'tsx', 'local/main.ts', '--port', '0', '--no-seed', '--state', state],
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
    // The first call cold-starts the function; on a very busy machine its init can outlast Lambda's
    // 10 s init limit and its retry the function's timeout (a 500, as in AWS). The cloud serves when a
    // probe answers 200, as a load balancer's health check would see it.
    let health = { status: 0, body: '' };
    await eventually(async () => {
      const res = await fetch(`${info.apiUrl}/health`);
      health = { status: res.status, body: await res.text() };
      return res.status === 200 ? true : undefined;
    }, 20_000).catch(() => undefined);
    expect(health, output).toMatchObject({ status: 200 });
    const endpoints: string[] = [
      info.apiUrl,
      info.stripe.apiUrl,
      ...Object.values(info.endpoints as Record<string, string>),
    ];
    expect(await listening(info.endpoints.dynamodb)).toBe(true);
    // The mail sink is printed with the other URLs and serves its read-out.
    expect(output).toContain(`SES mail sink  ${info.endpoints.ses}`);
    expect((await fetch(`${info.endpoints.ses}/_local/messages`)).status).toBe(200);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const url of endpoints) expect(await listening(url), url).toBe(false);
  });
});
