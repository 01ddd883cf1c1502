import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import { checkout, readyCart, stocked } from '../support/checkout.ts';
import { cloud, eventually, sdkConfig } from '../support/cloud.ts';
import { adminSend, publishedProduct } from '../support/store.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

const run = promisify(execFile);

/** The ops CLI against the test's local cloud, as `npm run ops -- …` runs it. */
const ops = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      'node_modules/.bin/tsx',
      ['scripts/ops/main.ts', '--state', stateFile, ...args],
      {
        timeout: scaled(60_000),
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

let stateFile: string;

interface BusEvent {
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly 'replay-name'?: string;
  readonly detail: { readonly id: string };
}

/** The events the local bus routed to a rule, replayed ones included. */
const routedTo = async (rule: string): Promise<BusEvent[]> =>
  (
    (await (await fetch(`${cloud().endpoints.eventbridge}/_local/events?rule=${rule}`)).json()) as {
      events: BusEvent[];
    }
  ).events;

describe('the ops CLI against the local cloud', { timeout: scaled(120_000) }, () => {
  beforeAll(() => {
    stateFile = join(mkdtempSync(join(tmpdir(), 'ops-')), 'cloud.json');
    writeFileSync(stateFile, JSON.stringify(cloud()));
  });

  it('replays archived events of one type to one rule only, from the bus archive', async () => {
    const product = await publishedProduct([{ prices: { EUR: 1200 } }]);
    const created = await eventually(async () =>
      (await routedTo('catalogEventsToQueue')).find(
        (e) => e['detail-type'] === 'ProductCreated' && JSON.stringify(e).includes(product.productId),
      ),
    );
    const before = (await routedTo('orderEventsToEmail')).length;
    // An archive takes events in a moment after the bus does (in AWS up to minutes), so a replay started
    // right after the event may not carry it yet: replay again (consumers skip what they already did).
    const replayOnce = async () => {
      const replayed = await ops(
        'events',
        'replay',
        '--from',
        '10m',
        '--type',
        'ProductCreated',
        '--target',
        'catalogEventsToQueue',
        '--json',
      );
      expect(replayed.stderr).toBe('');
      expect(replayed.code).toBe(0);
      const result = JSON.parse(replayed.stdout) as { replayName: string; state: string };
      expect(result.state).toBe('COMPLETED');
      // The replay reached the rule's target through its temporary narrowed copy (named after both).
      return { result, again: await routedTo(`${result.replayName}-catalogEventsToQueue`) };
    };
    let { result, again } = await replayOnce();
    for (let tries = 1; tries < 5 && !again.some((e) => e.detail.id === created.detail.id); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      ({ result, again } = await replayOnce());
    }
    expect(again.every((e) => e['replay-name'] === result.replayName)).toBe(true);
    // The product's event came back, with the same detail id (consumers skip what they already did)…
    expect(again.map((e) => e.detail.id)).toContain(created.detail.id);
    // …and only events of that type, to that rule alone.
    expect(new Set(again.map((e) => e['detail-type']))).toEqual(new Set(['ProductCreated']));
    expect((await routedTo('orderEventsToEmail')).length).toBe(before);
    // The replay's temporary rule is gone from the bus.
    const { Rules = [] } = await new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge)).send(
      new ListRulesCommand({ EventBusName: cloud().eventBusName, NamePrefix: result.replayName }),
    );
    expect(Rules).toEqual([]);
  });

  it('tails new events on the bus, filtered by type, as JSON lines', async () => {
    const tailing = ops('events', 'tail', '--type', 'OpsProbe', '--count', '1', '--seconds', '60', '--json');
    const bus = new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge));
    const id = randomUUID();
    // Keep putting until the tail (which starts after a cold tsx) has seen one.
    const putting = setInterval(() => {
      void bus.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: cloud().eventBusName,
              Source: 'commerce.ops',
              DetailType: 'OtherProbe',
              Detail: '{}',
            },
            {
              EventBusName: cloud().eventBusName,
              Source: 'commerce.ops',
              DetailType: 'OpsProbe',
              Detail: JSON.stringify({ id }),
            },
          ],
        }),
      );
    }, 1000);
    const tailed = await tailing.finally(() => clearInterval(putting));
    expect(tailed.code).toBe(0);
    const lines = tailed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as BusEvent);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.['detail-type']).toBe('OpsProbe');
    expect(lines[0]?.detail.id).toBe(id);
    // It tailed through its own queue and rule, as in AWS, and removed both on the way out.
    const { Rules = [] } = await bus.send(
      new ListRulesCommand({ EventBusName: cloud().eventBusName, NamePrefix: 'ops-tail-' }),
    );
    expect(Rules).toEqual([]);
    const { QueueUrls = [] } = await new SQSClient(sdkConfig(cloud().endpoints.sqs)).send(
      new ListQueuesCommand({ QueueNamePrefix: 'ops-tail-' }),
    );
    expect(QueueUrls).toEqual([]);
  });

  it('lists dead-letter queues and redrives one back to its queue', async () => {
    const queue = cloud().queues.catalogEvents;
    expect(queue).toBeDefined();
    const sqs = new SQSClient(sdkConfig(cloud().endpoints.sqs));
    // A real event the consumer already handled: redriven, it is handled again harmlessly (idempotent).
    const [event] = await routedTo('catalogEventsToQueue');
    expect(event).toBeDefined();
    await sqs.send(new SendMessageCommand({ QueueUrl: queue?.dlqUrl, MessageBody: JSON.stringify(event) }));
    const listed = JSON.parse((await ops('dlq', 'list', '--json')).stdout) as {
      queues: { name: string; messages: number }[];
    };
    expect(listed.queues.find((q) => q.name === 'catalogEvents')?.messages).toBe(1);
    const redriven = await ops('dlq', 'redrive', 'catalogEvents', '--json');
    expect(redriven.code).toBe(0);
    expect(JSON.parse(redriven.stdout)).toEqual({ queue: 'catalogEvents', moved: 1 });
    const after = JSON.parse((await ops('dlq', 'list', '--json')).stdout) as {
      queues: { name: string; messages: number }[];
    };
    expect(after.queues.find((q) => q.name === 'catalogEvents')?.messages).toBe(0);
  });

  it('sends a subscription a signed test delivery and reports how it went', async () => {
    const receiver = await startReceiver();
    try {
      const created = await adminSend('POST', '/admin/webhooks', {
        url: receiver.url,
        eventTypes: ['OrderPlaced'],
      });
      expect(created.status).toBe(201);
      const webhookId = created.body.webhookId as string;
      const tested = await ops('webhooks', 'test', webhookId, '--json');
      expect(tested.stderr).toBe('');
      const delivery = JSON.parse(tested.stdout) as {
        status: string;
        lastStatusCode: number;
        deliveryId: string;
      };
      expect(delivery).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
      expect(receiver.of(delivery.deliveryId).map((r) => r.payload.type)).toEqual(['WebhookTest']);
      const unknown = await ops('webhooks', 'test', 'wh_nope');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/40\d /);
    } finally {
      await receiver.close();
    }
  });

  it('shows an order as the admin API does, and says clearly when there is none', async () => {
    const product = await publishedProduct([{ prices: { EUR: 900 } }]);
    const variantId = product.variantIds[0] as string;
    await stocked(variantId, 5);
    const { cartId, who } = await readyCart([{ variantId, quantity: 1 }], { email: 'ops@example.com' });
    const placed = await checkout(cartId, who);
    expect(placed.status).toBe(201);
    const orderId = placed.body.orderId as string;
    const shown = await ops('orders', 'show', orderId);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Order ${orderId}`);
    const json = JSON.parse((await ops('orders', 'show', orderId, '--json')).stdout) as { id: string };
    expect(json.id).toBe(orderId);
    const missing = await ops('orders', 'show', 'ord-does-not-exist');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/404 order_not_found/);
  });

  it('refuses bad usage with exit code 2 and a message, never a stack trace', async () => {
    for (const args of [
      ['nonsense'],
      ['events', 'replay'],
      ['events', 'replay', '--from', 'yesterday-ish'],
      ['dlq', 'redrive', 'nope'],
    ]) {
      const result = await ops(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const noCloud = await run('node_modules/.bin/tsx', [
      'scripts/ops/main.ts',
      '--state',
      '/nonexistent/cloud.json',
      'dlq',
      'list',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect((noCloud as { code: number }).code).toBe(1);
    expect((noCloud as { stderr: string }).stderr).toContain('is the local cloud running');
  });
});
