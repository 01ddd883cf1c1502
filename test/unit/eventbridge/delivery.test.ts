import { describe, expect, it, vi } from 'vitest';
import { createRouter, type FailedDelivery } from '#local/eventbridge/delivery.ts';
import type { EventBridgeEvent } from '#local/eventbridge/event.ts';

const event = (id: string, source = 'commerce.catalog'): EventBridgeEvent => ({
  version: '0',
  id,
  'detail-type': 'ProductCreated',
  source,
  account: '000000000000',
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { id },
});

describe('event routing', () => {
  it('delivers to matching rules only and logs what each rule received', async () => {
    const catalog = vi.fn(async () => {});
    const orders = vi.fn(async () => {});
    const router = createRouter([
      { name: 'catalog', pattern: { source: ['commerce.catalog'] }, deliver: catalog },
      { name: 'orders', pattern: { source: ['commerce.orders'] }, deliver: orders },
    ]);
    expect(router.route(event('e1'))).toEqual(['catalog']);
    expect(router.route(event('e2', 'commerce.orders'))).toEqual(['orders']);
    expect(router.route(event('e3', 'commerce.other'))).toEqual([]);
    await router.settled();
    expect(catalog).toHaveBeenCalledExactlyOnceWith(event('e1'));
    expect(orders).toHaveBeenCalledExactlyOnceWith(event('e2', 'commerce.orders'));
    expect(router.delivered('catalog').map((e) => e.id)).toEqual(['e1']);
    expect(router.delivered().map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('gives each target its own copy of the event', async () => {
    const router = createRouter([
      {
        name: 'mutating',
        pattern: { source: ['commerce.catalog'] },
        deliver: async (e) => {
          e.detail.id = 'changed';
        },
      },
    ]);
    router.route(event('e1'));
    await router.settled();
    expect(router.delivered('mutating')[0]?.detail).toEqual({ id: 'e1' });
  });

  it('retries a failing target, then succeeds without reporting a failure', async () => {
    let calls = 0;
    const onFailure = vi.fn();
    const router = createRouter(
      [
        {
          name: 'flaky',
          pattern: { source: ['commerce.catalog'] },
          deliver: async () => {
            calls++;
            if (calls < 3) throw new Error('queue restarting');
          },
        },
      ],
      { attempts: 3, retryDelayMs: 1, onFailure },
    );
    router.route(event('e1'));
    await router.settled();
    expect(calls).toBe(3);
    expect(onFailure).not.toHaveBeenCalled();
    expect(router.failures()).toEqual([]);
  });

  it('counts a target that keeps failing as a failed invocation and carries on', async () => {
    const failures: FailedDelivery[] = [];
    const deliver = vi.fn(async () => {
      throw new Error('queue gone');
    });
    const router = createRouter([{ name: 'broken', pattern: { source: ['commerce.catalog'] }, deliver }], {
      attempts: 2,
      retryDelayMs: 1,
      onFailure: (failure) => failures.push(failure),
    });
    router.route(event('e1'));
    await router.settled();
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(failures).toEqual([{ ruleName: 'broken', event: event('e1'), attempts: 2, error: 'queue gone' }]);
    expect(router.failures('broken')).toEqual(failures);
  });

  it('keeps only the newest events', () => {
    const router = createRouter(
      [{ name: 'all', pattern: { source: [{ prefix: '' }] }, deliver: async () => {} }],
      {
        historyLimit: 2,
      },
    );
    for (const id of ['e1', 'e2', 'e3']) router.route(event(id));
    expect(router.delivered().map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(router.delivered('all').map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('rejects an invalid rule pattern, a duplicate rule name and an unknown rule', () => {
    const deliver = async () => {};
    expect(() => createRouter([{ name: 'bad', pattern: { source: 'x' }, deliver }])).toThrow(
      'Rule "bad": Event pattern is not valid. Reason: "source" must be an object or an array (at source)',
    );
    const rule = { name: 'twice', pattern: { source: ['x'] }, deliver };
    expect(() => createRouter([rule, rule])).toThrow('Two rules are named "twice"');
    expect(() => createRouter([rule]).delivered('other')).toThrow('No rule named "other" on the local bus');
  });
});
