import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { routeThrottles } from '#platform/definition/throttling.ts';
import { cloud, eventually } from '../support/cloud.ts';
import { api, expectProblem } from '../support/http.ts';

/**
 * Each route has its own token bucket, as the stage's route settings give it in AWS: flooding one route
 * answers 429 there and nowhere else. The flooded route is an admin route sent without a token: each
 * request it admits is a 401 from the authorizer (no function runs), so the flood costs little, and the
 * route is one no other test leans on.
 */
const FLOODED = 'GET /admin/channels/{channelId}/publishable-keys';
const floodedPath = '/admin/channels/ch_flood/publishable-keys';
const WORKERS = 16;
// Far more than any bucket of the definition admits at once: a flood that never hears 429 fails.
const MAX_REQUESTS = 20_000;

/** Sends `floodedPath` from `WORKERS` clients until told to stop; resolves to what it heard. */
const flood = () => {
  let stopped = false;
  let sent = 0;
  const statuses = new Map<number, number>();
  let throttled: { status: number; contentType: string | null; body: string } | undefined;
  let onThrottled: () => void = () => {};
  const firstThrottle = new Promise<void>((resolve) => {
    onThrottled = resolve;
  });
  const worker = async () => {
    while (!stopped && sent < MAX_REQUESTS) {
      sent += 1;
      const res = await fetch(`${cloud().apiUrl}${floodedPath}`);
      const body = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 429 && !throttled) {
        throttled = { status: res.status, contentType: res.headers.get('content-type'), body };
        onThrottled();
      }
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, worker)).then(() => onThrottled());
  return {
    firstThrottle,
    statuses,
    throttled: () => throttled,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
};

describe('route throttling', () => {
  it('declares a bucket for the flooded route, apart from the webhook and the storefront', () => {
    const limits = routeThrottles(app.routes, app.throttling);
    const groupOf = (key: string) => limits.find((l) => l.routeKey === key)?.group;
    expect(groupOf(FLOODED)).toBe('admin');
    expect(groupOf('POST /webhooks/stripe')).toBe('stripeWebhook');
    expect(cloud().served.throttles.map((t) => t.routeKey)).toContain(FLOODED);
  });

  it('answers 429 on a flooded route while the Stripe webhook and other routes still answer', async () => {
    const flooding = flood();
    try {
      await flooding.firstThrottle;
      expect(flooding.throttled()).toEqual({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'Too Many Requests' }),
      });
      // Still flooding: the webhook's function runs (it refuses the unsigned delivery itself)…
      const webhook = await api('/webhooks/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
        body: '{}',
      });
      expectProblem(webhook, 400, 'invalid_signature');
      // …shoppers browse, and another admin route (same group, its own bucket) serves the back office.
      expect((await api('/products?limit=1')).status).toBe(200);
      expect((await api('/admin/channels', { token: cloud().tokens.admin })).status).toBe(200);
    } finally {
      await flooding.stop();
    }
    // Only the authorizer's 401 (admitted) and the throttle's 429 were heard on the flooded route.
    expect([...flooding.statuses.keys()].sort()).toEqual([401, 429]);
  });

  it('lets a flooded route through again once its bucket refills', async () => {
    const flooding = flood();
    await flooding.firstThrottle;
    await flooding.stop();
    expect(flooding.throttled()?.status).toBe(429);
    const status = await eventually(async () => {
      const res = await fetch(`${cloud().apiUrl}${floodedPath}`);
      return res.status === 429 ? undefined : res.status;
    });
    expect(status).toBe(401);
  });
});
