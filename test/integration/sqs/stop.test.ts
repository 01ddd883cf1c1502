import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { queueDef, startSqs } from './harness.ts';

// Handles that the local SQS would leave behind if it did not shut down: its server, sockets and timers.
const KINDS = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout'] as const;
type Counts = Record<(typeof KINDS)[number], number>;
const handles = (): Counts => {
  const active = process.getActiveResourcesInfo();
  return {
    TCPServerWrap: active.filter((k) => k === 'TCPServerWrap').length,
    TCPSocketWrap: active.filter((k) => k === 'TCPSocketWrap').length,
    Timeout: active.filter((k) => k === 'Timeout').length,
  };
};
const within = (now: Counts, baseline: Counts): boolean => KINDS.every((k) => now[k] <= baseline[k]);

// Sockets and timers are released on the next turns of the event loop, not synchronously; the test
// runner's own timers may come and go, so the check is "no more than before", per kind.
const settled = async (baseline: Counts): Promise<Counts> => {
  let now = handles();
  for (let i = 0; i < 100 && !within(now, baseline); i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    now = handles();
  }
  return now;
};

describe('local SQS stop', () => {
  it('returns promptly during a long poll and leaves no server, socket or timer behind', async () => {
    const baseline = handles();
    const h = await startSqs({ orders: queueDef(), payments: queueDef() }, () => undefined, {
      pollIntervalMs: 20_000,
    });
    await h.client.send(new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: 'x' }));
    await h.sqs.drain();
    // Let both pollers enter a 20 s long poll before stopping.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = Date.now();
    await h.close();
    expect(Date.now() - started).toBeLessThan(500);
    await expect(fetch(`${h.sqs.url}/health`)).rejects.toThrow();
    expect(within(await settled(baseline), baseline), JSON.stringify({ baseline, now: handles() })).toBe(
      true,
    );
    expect(h.logs).toStrictEqual([]);
  });

  it('abandons a consumer that outlives the grace period and never invokes again', async () => {
    const release = Promise.withResolvers<void>();
    const h = await startSqs({ orders: queueDef() }, () => release.promise);
    await h.client.send(new SendMessageCommand({ QueueUrl: h.sqs.queueUrl('orders'), MessageBody: 'x' }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));

    const started = Date.now();
    await h.close();
    expect(Date.now() - started).toBeLessThan(1500);
    release.resolve();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.calls).toHaveLength(1);
    expect(h.logs).toStrictEqual([]);
  });

  it('can be called twice and refuses to drain once stopped', async () => {
    const h = await startSqs({ orders: queueDef() }, () => undefined);
    await Promise.all([h.close(), h.sqs.stop()]);
    await expect(h.sqs.drain()).rejects.toThrow(/stopped/);
  });
});
