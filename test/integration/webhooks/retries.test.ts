import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverJob } from '#contexts/webhooks/data/deliver.ts';
import { type DeliveryJob, type DeliveryQueue, LEASE_MS } from '#contexts/webhooks/data/delivery-queue.ts';
import { dispatchEvent, newDelivery } from '#contexts/webhooks/data/dispatch.ts';
import { sweepDueDeliveries } from '#contexts/webhooks/data/sweep.ts';
import { webhookServices } from '#contexts/webhooks/wiring.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';
import { type Receiver, startReceiver } from '../../support/webhook-receiver.ts';

/** The jobs a run queued, with their delays, instead of SQS. */
const recordingQueue = () => {
  const sent: { job: DeliveryJob; delayMs: number }[] = [];
  const queue: DeliveryQueue = {
    send: async (job, delayMs = 0) => {
      sent.push({ job, delayMs });
    },
  };
  return { sent, queue };
};

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('webhook deliveries against DynamoDB Local: once per event, backoff beyond SQS, the sweep', () => {
  let receiver: Receiver;

  beforeAll(async () => {
    useLocalDynamo();
    receiver = await startReceiver(() => 500);
  });

  afterAll(() => receiver.close());

  /** A table of its own per test: the sweep reads every due delivery of its table. */
  const setUp = async () => {
    const table = await createTestTable();
    const { sent, queue } = recordingQueue();
    const settings = { policy: { allowLoopback: true }, backoffScale: 1, cacheMs: 0 };
    const services = webhookServices(table, 'cursor-key', queue, settings);
    const { webhook } = await services.subscriptions.create({
      url: receiver.url,
      eventTypes: ['Order*'],
      description: '',
      active: true,
    });
    return { services, sent, webhook };
  };

  it('makes one delivery of an event handled twice', async () => {
    const { services, sent, webhook } = await setUp();
    const event = {
      detailType: 'OrderPlaced',
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      data: {},
    };
    const other = { ...webhook, webhookId: 'wh_notmatching000000000', eventTypes: ['Cart*'] };
    expect(await dispatchEvent(services, [webhook, other], event)).toBe(1);
    expect(await dispatchEvent(services, [webhook, other], event)).toBe(1);
    const page = await services.deliveries.list(webhook.webhookId, { limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ eventId: event.id, status: 'pending', attempts: 0 });
    // Queued again while it never had an attempt (its first job may be the lost one); the claim lets one send.
    expect(sent.map((s) => s.job)).toEqual([
      { webhookId: webhook.webhookId, deliveryId: page.items[0]!.deliveryId, attempts: 0 },
      { webhookId: webhook.webhookId, deliveryId: page.items[0]!.deliveryId, attempts: 0 },
    ]);
    expect(await deliverJob(services, sent[0]!.job)).toBe('retry');
    expect(await deliverJob(services, sent[1]!.job)).toBe('stale');
    expect(receiver.of(page.items[0]!.deliveryId)).toHaveLength(1);
  });

  it('leaves a wait beyond 15 minutes to the sweep, which queues it once when due', async () => {
    const { services, sent, webhook } = await setUp();
    const now = new Date();
    const payload = { type: 'OrderPlaced', id: randomUUID(), timestamp: now.toISOString(), data: {} };
    // Two attempts failed already: the third one's failure waits 30 minutes.
    const delivery = { ...newDelivery(webhook.webhookId, payload, now), attempts: 2 };
    await services.deliveries.create(delivery, at(now, LEASE_MS).toISOString());
    const clock = () => now;
    expect(await deliverJob(services, { ...delivery, attempts: 2 }, clock)).toBe('retry');
    expect(sent).toEqual([]);
    const stored = await services.deliveries.get(webhook.webhookId, delivery.deliveryId);
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 3,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    expect(stored!.nextAttemptAt).toBe(at(now, 30 * 60_000).toISOString());

    expect((await sweepDueDeliveries(services, at(now, 29 * 60_000))).queued).toBe(0);
    const due = at(now, 31 * 60_000);
    expect(await sweepDueDeliveries(services, due)).toEqual({ queued: 1, taken: 0 });
    expect(sent.map((s) => s.job)).toEqual([
      { webhookId: webhook.webhookId, deliveryId: delivery.deliveryId, attempts: 3 },
    ]);
    // Postponed by the lease: the next tick queues nothing; a tick past the lease (the job lost) again.
    expect((await sweepDueDeliveries(services, at(due, 1000))).queued).toBe(0);
    expect((await sweepDueDeliveries(services, at(due, LEASE_MS + 1000))).queued).toBe(1);
  });

  it('queues no second job for a redelivery the sweep sees before the worker claims it', async () => {
    const { services, sent, webhook } = await setUp();
    const now = new Date();
    const payload = { type: 'OrderPlaced', id: randomUUID(), timestamp: now.toISOString(), data: {} };
    const delivery = {
      ...newDelivery(webhook.webhookId, payload, now),
      status: 'failed' as const,
      attempts: 8,
    };
    await services.deliveries.create(delivery, at(now, LEASE_MS).toISOString());
    const restarted = await services.deliveries.restart(webhook.webhookId, delivery.deliveryId, now);
    expect(restarted).toMatchObject({ status: 'pending', attempts: 0 });
    // The operation queues its job itself: the sweep's entry is only the safety net a lease later.
    expect((await sweepDueDeliveries(services, at(now, 1000))).queued).toBe(0);
    expect(sent).toEqual([]);
    expect((await sweepDueDeliveries(services, at(now, LEASE_MS + 1000))).queued).toBe(1);
  });
});
