import { OpsError, type Output } from './output.ts';
import type { Target } from './target.ts';

/** Calls the admin API with the target's admin token; a problem+json answer becomes a clear error. */
const call = async (target: Target, method: string, path: string): Promise<unknown> => {
  const res = await fetch(`${target.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.adminToken()}`, accept: 'application/json' },
  }).catch((error: unknown) => {
    throw new OpsError(
      `${target.apiUrl} does not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const problem = body as { code?: string; detail?: string; title?: string } | undefined;
    throw new OpsError(
      `${method} ${path}: ${res.status} ${problem?.code ?? ''} ${problem?.detail ?? problem?.title ?? ''}`.trim(),
    );
  }
  return body;
};

interface DeliveryView {
  readonly deliveryId: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastLatencyMs: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

/**
 * `webhooks test <id>`: queues a signed `WebhookTest` delivery to the subscription, then follows it in
 * the delivery log until its first attempt has an answer (or 30 s pass), and prints how it went.
 */
export const testWebhook = async (target: Target, id: string, out: Output): Promise<void> => {
  const path = `/admin/webhooks/${encodeURIComponent(id)}`;
  const queued = (await call(target, 'POST', `${path}/test`)) as DeliveryView;
  let delivery = queued;
  const deadline = Date.now() + 30_000;
  while (delivery.attempts === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const page = (await call(target, 'GET', `${path}/deliveries?limit=20`)) as { items: DeliveryView[] };
    delivery = page.items.find((d) => d.deliveryId === queued.deliveryId) ?? delivery;
  }
  out.result(delivery, () => {
    if (delivery.attempts === 0)
      console.log(`Test delivery ${delivery.deliveryId} queued; no attempt yet (see the delivery log)`);
    else if (delivery.status === 'delivered')
      console.log(
        `Test delivery ${delivery.deliveryId} delivered: HTTP ${delivery.lastStatusCode} in ${delivery.lastLatencyMs} ms`,
      );
    else
      console.log(
        `Test delivery ${delivery.deliveryId} ${delivery.status}: ${delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? 'no answer')}` +
          (delivery.nextAttemptAt ? `; next attempt ${delivery.nextAttemptAt}` : ''),
      );
  });
  if (delivery.status === 'failed') process.exitCode = 1;
};

interface OrderView {
  readonly id: string;
  readonly status: string;
  readonly paymentStatus?: string;
  readonly fulfillmentStatus?: string;
  readonly createdAt?: string;
  readonly email?: string;
  readonly currency?: string;
  readonly totals?: {
    readonly total?: { readonly amount?: string; readonly currency?: string } | string | number;
  };
  readonly lines?: readonly { readonly sku?: string; readonly title?: string; readonly quantity: number }[];
}

/** `orders show <id>`: the admin view of an order, summarised (everything with `--json`). */
export const showOrder = async (target: Target, id: string, out: Output): Promise<void> => {
  const order = (await call(target, 'GET', `/admin/orders/${encodeURIComponent(id)}`)) as OrderView;
  out.result(order, () => {
    console.log(
      `Order ${order.id}  ${order.status}  payment ${order.paymentStatus ?? '-'}  fulfillment ${order.fulfillmentStatus ?? '-'}`,
    );
    if (order.createdAt) console.log(`Placed ${order.createdAt}`);
    for (const line of order.lines ?? [])
      console.log(`  ${String(line.quantity).padStart(3)} × ${line.sku ?? ''} ${line.title ?? ''}`);
    const total = order.totals?.total;
    if (total !== undefined)
      console.log(`Total ${typeof total === 'object' ? `${total.amount} ${total.currency ?? ''}` : total}`);
  });
};
