// The post-purchase bench's reconciliation: orders, payments, the local Stripe's ledger, fulfilment and
// stock, read back after every journey finished. Each check answers what it expected and what it saw.
import type { Check } from './flash-sale.ts';
import { stockSettles } from './flash-sale.ts';
import type { Catalog, Journey } from './post-purchase-journey.ts';
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

const stripeList = async (shop: Shop, what: 'charges' | 'refunds', intents: ReadonlySet<string>) => {
  const res = await fetch(`${shop.stripe.apiUrl}/_local/${what}`);
  const { data } = (await res.json()) as { data: StripeRow[] };
  return data.filter((r) => intents.has(r.payment_intent));
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What the back office shows of each order, read once every journey finished. */
const adminViews = (shop: Shop, journeys: readonly Journey[]) =>
  inBatches(journeys, 8, async (j) => {
    const order = await admin(shop, 'GET', `/admin/orders/${j.orderId}`);
    const payment = order.payment as { status: string; amountRefunded: number };
    return { j, status: String(order.status), payment, fulfillment: String(order.fulfillmentStatus) };
  });

/** Stock per variant: on hand + reserved + sold = stocked, nothing reserved (the summary is stream-fed). */
const stockChecks = async (shop: Shop, catalog: Catalog, journeys: readonly Journey[]) => {
  const sold = new Map<string, number>();
  for (const j of journeys)
    for (const l of j.lines) sold.set(l.variantId, (sold.get(l.variantId) ?? 0) + l.quantity);
  const checks: Check[] = [];
  for (const variantId of catalog.variantIds) {
    const units = sold.get(variantId) ?? 0;
    const seen = await stockSettles(shop, variantId, catalog.stocked - units, 0);
    checks.push(
      check(
        `stock ${variantId.slice(-8)}: onHand + reserved + sold (${units}) = stocked`,
        catalog.stocked,
        seen.onHand + seen.reserved + units,
      ),
      check(`stock ${variantId.slice(-8)}: reserved`, 0, seen.reserved),
    );
  }
  return checks;
};

/** Every reconciliation check of a run of `orders` journeys, of which `journeys` finished. */
export const reconcile = async (
  shop: Shop,
  catalog: Catalog,
  orders: number,
  journeys: readonly Journey[],
  serverErrors: number,
): Promise<Check[]> => {
  const views = await adminViews(shop, journeys);
  const intents = new Set(journeys.map((j) => j.paymentIntentId));
  const charges = (await stripeList(shop, 'charges', intents)).filter((c) => c.status === 'succeeded');
  const refunds = await stripeList(shop, 'refunds', intents);
  const refundsPerIntent = new Map<string, number>();
  for (const r of refunds)
    refundsPerIntent.set(r.payment_intent, (refundsPerIntent.get(r.payment_intent) ?? 0) + 1);
  const expectedRefunded = sum(journeys.map((j) => j.refunded));
  const captured = sum(charges.map((c) => c.amount_captured ?? c.amount));
  const stripeRefunded = sum(refunds.filter((r) => r.status !== 'failed').map((r) => r.amount));
  const ordersTotal = sum(journeys.map((j) => j.grandTotal));
  const ordersRefunded = sum(views.map((v) => v.payment.amountRefunded));
  return [
    check('journeys finished', orders, journeys.length),
    check('5xx answers (API, incl. Stripe webhook deliveries)', 0, serverErrors),
    check('orders paid (status)', journeys.length, views.filter((v) => v.status === 'paid').length),
    check(
      'payment partially_refunded, amountRefunded = refunded line total',
      journeys.length,
      views.filter(
        (v) => v.payment.status === 'partially_refunded' && v.payment.amountRefunded === v.j.refunded,
      ).length,
    ),
    check(
      'Stripe refunds: one per order',
      journeys.length,
      [...refundsPerIntent.values()].filter((n) => n === 1).length,
    ),
    check('Stripe refunds: count', journeys.length, refunds.length),
    check('Stripe refunds: sum = total refunded', expectedRefunded, stripeRefunded),
    check(
      'orders fulfillmentStatus shipped',
      journeys.length,
      views.filter((v) => v.fulfillment === 'shipped').length,
    ),
    ...(await stockChecks(shop, catalog, journeys)),
    check('Stripe: one captured charge per order', journeys.length, charges.length),
    check('money: captured = sum of order totals', ordersTotal, captured),
    check(
      'money: captured − refunded (Stripe) = order totals − refunds (orders)',
      ordersTotal - ordersRefunded,
      captured - stripeRefunded,
    ),
  ];
};
