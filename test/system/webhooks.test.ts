import { afterAll, describe, expect, it } from 'vitest';
import { scaled } from '../support/budget.ts';
import { cloud, eventually } from '../support/cloud.ts';
import { expectProblem, sendJson } from '../support/http.ts';
import {
  type Answer,
  type Received,
  type Receiver,
  startReceiver,
  verifies,
} from '../support/webhook-receiver.ts';
import { webhookAdmin } from '../support/webhooks.ts';

const receivers: Receiver[] = [];
const webhooks: string[] = [];

/** A receiver that lives until the end of the file. */
const receiver = async (answer?: (attempt: number, received: Received) => Answer) => {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
};

/** A subscription that is deleted at the end of the file (so it stops receiving other files' events). */
const subscribe = async (url: string, eventTypes: string[], description = 'webhooks.test') => {
  const res = await webhookAdmin('POST', '', { url, eventTypes, description });
  expect(res.status).toBe(201);
  webhooks.push(res.body.webhookId);
  return res.body as { webhookId: string; secret: string };
};

/** A new guest cart: emits `CartCreated` with its id. */
const newCart = async (): Promise<string> => {
  const res = await sendJson('POST', '/carts', { currency: 'EUR' });
  expect(res.status).toBe(201);
  expect(res.body.id).toEqual(expect.any(String));
  return res.body.id;
};

/** The requests of a receiver about one cart, once there are at least `count`. */
const aboutCart = (r: Receiver, cartId: string, count = 1) =>
  eventually(async () => {
    const found = r.received.filter((x) => x.payload.data?.cartId === cartId);
    return found.length >= count ? found : undefined;
  }, 30_000);

/** A delivery of the log once `accept` takes it. */
const deliveryWhen = (
  webhookId: string,
  deliveryId: string,
  accept: (d: Record<string, unknown>) => boolean,
) =>
  eventually(async () => {
    const res = await webhookAdmin('GET', `/${webhookId}/deliveries?limit=100`);
    const found = res.body.items.find((d: { deliveryId: string }) => d.deliveryId === deliveryId);
    return found && accept(found) ? found : undefined;
  }, 30_000);

afterAll(async () => {
  for (const id of webhooks) await webhookAdmin('DELETE', `/${id}`);
  for (const r of receivers) await r.close();
});

describe('webhooks over HTTP: subscriptions, signed deliveries, retries, redelivery, auto-disable', {
  timeout: scaled(120_000),
}, () => {
  it('delivers a signed CartCreated once, logs it, and shows the secret only when created', async () => {
    const r = await receiver();
    const { webhookId, secret } = await subscribe(r.url, ['Cart*']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);

    const cartId = await newCart();
    const [got] = await aboutCart(r, cartId);
    expect(got!.payload).toMatchObject({ type: 'CartCreated', data: { cartId, currency: 'EUR' } });
    expect(got!.payload.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(verifies(got!, secret)).toBe(true);
    expect(verifies(got!, `whsec_${Buffer.alloc(32, 1).toString('base64')}`)).toBe(false);
    expect(Number(got!.headers['webhook-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(got!.headers['content-type']).toBe('application/json');

    const deliveryId = String(got!.headers['webhook-id']);
    const logged = await deliveryWhen(webhookId, deliveryId, (d) => d.status === 'delivered');
    expect(logged).toMatchObject({
      eventType: 'CartCreated',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(r.of(deliveryId)).toHaveLength(1);

    const one = await webhookAdmin('GET', `/${webhookId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ webhookId, url: r.url, eventTypes: ['Cart*'], active: true });
    const list = await webhookAdmin('GET', '?limit=100');
    expect(list.body.items.some((w: { webhookId: string }) => w.webhookId === webhookId)).toBe(true);
    for (const body of [one.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(secret);
      expect(JSON.stringify(body)).not.toContain('"secret"');
    }
  });

  it('retries a receiver that answers 500, times out or drops the connection, under one webhook-id, while a healthy one is served at once', async () => {
    const healthy = await receiver();
    const failing = await receiver((n) => (n === 1 ? 500 : 204));
    const slow = await receiver((n) => (n === 1 ? 'hang' : 200));
    const closing = await receiver((n) => (n === 1 ? 'close' : 200));
    const subs = await Promise.all(
      [healthy, failing, slow, closing].map((r) => subscribe(r.url, ['CartCreated'])),
    );

    const cartId = await newCart();
    const [first] = await aboutCart(healthy, cartId);
    for (const r of [failing, slow, closing]) {
      const [one, two] = await aboutCart(r, cartId, 2);
      expect(one!.headers['webhook-id']).toBe(two!.headers['webhook-id']);
      expect(two!.payload).toEqual(one!.payload);
      // The first retry waits 5 s scaled, which SQS rounds up to a whole second.
      expect(two!.at - one!.at).toBeGreaterThanOrEqual(900);
    }
    // The slow receiver held its first attempt for the sender's whole 10 s; the healthy one had its
    // delivery before that attempt was given up.
    expect(slow.dropped.length).toBeGreaterThanOrEqual(1);
    expect(first!.at).toBeLessThan(slow.dropped[0]!);
    expect(healthy.received.filter((x) => x.payload.data?.cartId === cartId)).toHaveLength(1);

    const expectations: [Receiver, { webhookId: string }, number][] = [
      [failing, subs[1]!, 204],
      [slow, subs[2]!, 200],
      [closing, subs[3]!, 200],
    ];
    for (const [r, sub, code] of expectations) {
      const [got] = await aboutCart(r, cartId);
      const d = await deliveryWhen(
        sub.webhookId,
        String(got!.headers['webhook-id']),
        (x) => x.status === 'delivered',
      );
      expect(d).toMatchObject({ attempts: 2, lastStatusCode: code, nextAttemptAt: null });
    }
  });

  it('redelivers a delivery under the same id, attempts from zero, signed with a rotated secret', async () => {
    const r = await receiver();
    const { webhookId } = await subscribe(r.url, ['WebhookTest']);
    const ping = await webhookAdmin('POST', `/${webhookId}/test`);
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ webhookId, eventType: 'WebhookTest', status: 'pending', attempts: 0 });
    const { deliveryId } = ping.body;
    await deliveryWhen(webhookId, deliveryId, (d) => d.status === 'delivered');
    expect(r.of(deliveryId)[0]!.payload).toMatchObject({ type: 'WebhookTest', data: { webhookId } });

    const rotated = await webhookAdmin('POST', `/${webhookId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const again = await webhookAdmin('POST', `/${webhookId}/deliveries/${deliveryId}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ deliveryId, status: 'pending', attempts: 0 });
    const both = await eventually(async () => (r.of(deliveryId).length >= 2 ? r.of(deliveryId) : undefined));
    expect(both[1]!.body).toBe(both[0]!.body);
    expect(verifies(both[1]!, rotated.body.secret)).toBe(true);
    expect(await deliveryWhen(webhookId, deliveryId, (d) => d.status === 'delivered')).toMatchObject({
      attempts: 1,
    });

    expectProblem(
      await webhookAdmin('POST', `/${webhookId}/deliveries/msg_${'x'.repeat(27)}/redeliver`),
      404,
      'delivery_not_found',
    );
  });

  it('fails a delivery after its eighth attempt and disables the subscription after ten such, announcing WebhookDisabled', async () => {
    const dead = await receiver(() => 500);
    const watcher = await receiver();
    const { webhookId } = await subscribe(dead.url, ['WebhookTest']);
    await subscribe(watcher.url, ['WebhookDisabled']);

    const pings = await Promise.all(
      Array.from({ length: 10 }, () => webhookAdmin('POST', `/${webhookId}/test`)),
    );
    const announced = await eventually(async () => {
      return watcher.received.find(
        (x) => x.payload.type === 'WebhookDisabled' && x.payload.data.webhookId === webhookId,
      );
    }, 90_000);
    expect(announced.payload.data).toMatchObject({
      url: dead.url,
      reason: 'consecutive_failures',
      consecutiveFailures: 10,
    });

    const sub = await webhookAdmin('GET', `/${webhookId}`);
    expect(sub.body).toMatchObject({
      active: false,
      disabledReason: 'consecutive_failures',
      consecutiveFailures: 10,
    });
    const failed = await webhookAdmin('GET', `/${webhookId}/deliveries?status=failed&limit=100`);
    expect(failed.body.items).toHaveLength(10);
    for (const d of failed.body.items)
      expect(d).toMatchObject({
        status: 'failed',
        attempts: 8,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        nextAttemptAt: null,
      });
    expect(failed.body.items[0].lastLatencyMs).toEqual(expect.any(Number));
    for (const p of pings) expect(dead.of(p.body.deliveryId)).toHaveLength(8);
    const pending = await webhookAdmin('GET', `/${webhookId}/deliveries?status=pending`);
    expect(pending.body.items).toEqual([]);

    const revived = await webhookAdmin('PATCH', `/${webhookId}`, { active: true });
    expect(revived.body).toMatchObject({ active: true, consecutiveFailures: 0, disabledReason: null });
  });

  // Loopback itself is allowed in the local cloud (its receivers run here); the AWS policy refusing it is
  // unit-tested (test/unit/webhooks/target-url.test.ts). An unresolvable host is unit-tested with a stubbed
  // resolver (test/unit/webhooks/resolve.test.ts): here its answer would depend on this machine's DNS.
  it.each([
    ['http://example.com/hook', 'webhook_url_not_https'],
    ['https://user:pass@example.com/hook', 'webhook_url_has_credentials'],
    ['https://10.0.0.8/hook', 'webhook_url_private_address'],
    ['https://172.20.1.1/hook', 'webhook_url_private_address'],
    ['https://192.168.1.1/hook', 'webhook_url_private_address'],
    ['https://169.254.169.254/latest/meta-data', 'webhook_url_private_address'],
    ['https://100.64.0.1/hook', 'webhook_url_private_address'],
    ['https://0.0.0.0/hook', 'webhook_url_private_address'],
    ['https://[fd00::1]/hook', 'webhook_url_private_address'],
    ['https://[fe80::1]/hook', 'webhook_url_private_address'],
    ['https://[::ffff:10.0.0.1]/hook', 'webhook_url_private_address'],
  ])('refuses %s with 400 %s', async (url, code) => {
    expectProblem(await webhookAdmin('POST', '', { url, eventTypes: ['*'] }), 400, code);
  });

  it('refuses a private URL on update too, and answers 400 and 404 as problems', async () => {
    const r = await receiver();
    const { webhookId } = await subscribe(r.url, ['OrderPlaced']);
    expectProblem(
      await webhookAdmin('PATCH', `/${webhookId}`, { url: 'https://10.1.1.1/x' }),
      400,
      'webhook_url_private_address',
    );
    expectProblem(await webhookAdmin('PATCH', `/${webhookId}`, {}), 400, 'validation_failed');
    expectProblem(
      await webhookAdmin('POST', '', { url: r.url, eventTypes: ['order*'] }),
      400,
      'validation_failed',
    );
    expectProblem(await webhookAdmin('POST', '', { url: r.url, eventTypes: [] }), 400, 'validation_failed');
    expectProblem(await webhookAdmin('GET', `/wh_${'a'.repeat(22)}`), 404, 'webhook_not_found');
    expectProblem(await webhookAdmin('POST', `/wh_${'a'.repeat(22)}/test`), 404, 'webhook_not_found');
    expectProblem(await webhookAdmin('GET', '?cursor=forged'), 400, 'invalid_cursor');
    const changed = await webhookAdmin('PATCH', `/${webhookId}`, {
      eventTypes: ['Order*'],
      description: 'ERP',
    });
    expect(changed.body).toMatchObject({ eventTypes: ['Order*'], description: 'ERP' });
    expect((await webhookAdmin('DELETE', `/${webhookId}`)).status).toBe(204);
    expectProblem(await webhookAdmin('DELETE', `/${webhookId}`), 404, 'webhook_not_found');
  });

  it('answers a retried create with the same Idempotency-Key with the subscription it made', async () => {
    const r = await receiver();
    const key = `wh-test-${crypto.randomUUID()}`;
    const body = { url: r.url, eventTypes: ['OrderPlaced'] };
    const headers = { 'idempotency-key': key };
    const first = await sendJson('POST', '/admin/webhooks', body, cloud().tokens.admin, headers);
    expect(first.status).toBe(201);
    webhooks.push(first.body.webhookId);
    const again = await sendJson('POST', '/admin/webhooks', body, cloud().tokens.admin, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ webhookId: first.body.webhookId, secret: first.body.secret });
    const other = { ...body, eventTypes: ['Order*'] };
    expectProblem(
      await sendJson('POST', '/admin/webhooks', other, cloud().tokens.admin, headers),
      422,
      'idempotency_key_reused',
    );
  });
});
