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

/** `webhooks test <id>`: sends the subscription a signed test delivery now and prints how it went. */
export const testWebhook = async (target: Target, id: string, out: Output): Promise<void> => {
  const result = await call(target, 'POST', `/admin/webhooks/${encodeURIComponent(id)}/test`);
  out.result(result, () => console.log(JSON.stringify(result, null, 2)));
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
