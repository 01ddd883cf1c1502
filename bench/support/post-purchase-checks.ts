// The post-purchase bench's reconciliation of orders, refunds, returns and the local Stripe's ledger,
// read back through the API after every journey finished. Each check answers what it expected and saw.
import type { Check } from './flash-sale.ts';
import type { Journey } from './post-purchase-journey.ts';
import { admin, inBatches, type Shop } from './shop.ts';

const check = (name: string, expected: string | number, seen: string | number): Check => ({
  check: name,
  expected: String(expected),
  seen: String(seen),
  passed: String(expected) === String(seen),
});

interface StripeRow {
  payment_intent: string;
  amount: number;
  amount_captured?: number;
  status: string;
}

interface RefundItem {
  id: string;
  amount: number;
  status: string;
}

interface ReturnItem {
  status: string;
  refundAmount: number | null;
  refundId: string | null;
  lines: { lineId: string; condition: string | null; locationId: string | null }[];
}

const stripeList = async (shop: Shop, what: 'charges' | 'refunds', intents: ReadonlySet<string>) => {
  const res = await fetch(`${shop.stripe.apiUrl}/_local/${what}`);
  const { data } = (await res.json()) as { data: StripeRow[] };
  return data.filter((r) => intents.has(r.payment_intent));
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What the back office shows of each order, its refunds and its returns, read once all finished. */
const adminViews = (shop: Shop, journeys: readonly Journey[]) =>
  inBatches(journeys, 8, async (j) => {
    const order = await admin(shop, 'GET', `/admin/orders/${j.orderId}`);
    const refunds = await admin(shop, 'GET', `/admin/orders/${j.orderId}/refunds`);
    const returns = j.returned
      ? await admin(shop, 'GET', `/admin/orders/${j.orderId}/returns`)
      : { items: [] };
    return {
      j,
      status: String(order.status),
      payment: order.payment as { status: string; amountRefunded: number },
      fulfillment: String(order.fulfillmentStatus),
      refunds: (refunds.items as RefundItem[]).filter((r) => r.status !== 'failed'),
      returns: returns.items as ReturnItem[],
    };
  });
type View = Awaited<ReturnType<typeof adminViews>>[number];

/** The one return of a returned order: received, its line restocked where the journey said, refunded. */
const returnedOnce = (v: View) => {
  const [only] = v.returns;
  const line = only?.lines[0];
  return (
    v.returns.length === 1 &&
    only?.status === 'received' &&
    only.refundAmount === v.j.refunded &&
    only.refundId !== null &&
    only.lines.length === 1 &&
    line?.lineId === v.j.returned?.lineId &&
    line?.condition === 'restock' &&
    line.locationId === v.j.returned?.locationId &&
    v.refunds[0]?.id === only.refundId
  );
};

/** Orders and their returns and refunds as the API shows them. */
const orderChecks = (views: readonly View[]) => {
  const returned = views.filter((v) => v.j.kind === 'returned');
  const canceled = views.filter((v) => v.j.kind === 'canceled');
  return [
    check(
      'returned orders: paid, shipped, partially_refunded, amountRefunded = the returned line’s total',
      returned.length,
      returned.filter(
        (v) =>
          v.status === 'paid' &&
          v.fulfillment === 'shipped' &&
          v.payment.status === 'partially_refunded' &&
          v.payment.amountRefunded === v.j.refunded,
      ).length,
    ),
    check(
      'returns: one per returned order, received once, restocked at its location, refunded its line',
      returned.length,
      returned.filter(returnedOnce).length,
    ),
    check(
      'canceled orders: canceled, unfulfilled, payment refunded, amountRefunded = grand total',
      canceled.length,
      canceled.filter(
        (v) =>
          v.status === 'canceled' &&
          v.fulfillment === 'unfulfilled' &&
          v.payment.status === 'refunded' &&
          v.payment.amountRefunded === v.j.grandTotal,
      ).length,
    ),
    check(
      'refunds (API): exactly one per order that did not fail, of what its journey refunds',
      views.length,
      views.filter((v) => v.refunds.length === 1 && v.refunds[0]?.amount === v.j.refunded).length,
    ),
  ];
};

/** The local Stripe's charges and refunds against the orders. */
const moneyChecks = async (shop: Shop, journeys: readonly Journey[], views: readonly View[]) => {
  const intents = new Set(journeys.map((j) => j.paymentIntentId));
  const charges = (await stripeList(shop, 'charges', intents)).filter((c) => c.status === 'succeeded');
  const refunds = (await stripeList(shop, 'refunds', intents)).filter((r) => r.status !== 'failed');
  const perIntent = new Map<string, number>();
  for (const r of refunds) perIntent.set(r.payment_intent, (perIntent.get(r.payment_intent) ?? 0) + 1);
  const captured = sum(charges.map((c) => c.amount_captured ?? c.amount));
  const stripeRefunded = sum(refunds.map((r) => r.amount));
  const ordersTotal = sum(journeys.map((j) => j.grandTotal));
  const ordersRefunded = sum(views.map((v) => v.payment.amountRefunded));
  const byKind = (kind: Journey['kind']) =>
    sum(journeys.filter((j) => j.kind === kind).map((j) => j.refunded));
  const checks = [
    check('Stripe: one captured charge per order', journeys.length, charges.length),
    check('money: captured (Stripe) = Σ order totals', ordersTotal, captured),
    check(
      'Stripe refunds: exactly one per order',
      journeys.length,
      [...perIntent.values()].filter((n) => n === 1).length,
    ),
    check('Stripe refunds: count', journeys.length, refunds.length),
    check(
      'money: refunded (Stripe) = returned lines + canceled orders',
      byKind('returned') + byKind('canceled'),
      stripeRefunded,
    ),
    check('money: refunded (Stripe) = Σ orders’ amountRefunded', ordersRefunded, stripeRefunded),
    check(
      'money: captured − refunded (Stripe) = order totals − refunds (orders)',
      ordersTotal - ordersRefunded,
      captured - stripeRefunded,
    ),
  ];
  const money = {
    captured,
    refunded: stripeRefunded,
    byReturns: byKind('returned'),
    byCancels: byKind('canceled'),
  };
  return { checks, money };
};

/** Every check of orders, returns, refunds and money for a run of `orders` journeys, `journeys` finished. */
export const reconcile = async (
  shop: Shop,
  orders: number,
  journeys: readonly Journey[],
  serverErrors: number,
) => {
  const views = await adminViews(shop, journeys);
  const { checks, money } = await moneyChecks(shop, journeys, views);
  return {
    checks: [
      check('journeys finished', orders, journeys.length),
      check('5xx answers (API, incl. Stripe webhook deliveries)', 0, serverErrors),
      ...orderChecks(views),
      ...checks,
    ],
    money,
  };
};
