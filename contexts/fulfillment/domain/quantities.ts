import { derivedId } from '#platform/idempotency/derive.ts';
import type { Fulfillment, FulfillmentLine, FulfillmentStatus, OrderFulfillmentStatus } from './schemas.ts';

/** An order line as fulfillment sees it: its id and how many units were bought. */
export interface OrderedLine {
  readonly id: string;
  readonly quantity: number;
}

type Counted = Pick<Fulfillment, 'lines' | 'status'>;

/** Units per order line in fulfillments whose status is one of `statuses`. */
export const unitsBy = (
  fulfillments: readonly Counted[],
  statuses: readonly FulfillmentStatus[],
): Map<string, number> => {
  const units = new Map<string, number>();
  for (const f of fulfillments)
    if (statuses.includes(f.status))
      for (const line of f.lines) units.set(line.lineId, (units.get(line.lineId) ?? 0) + line.quantity);
  return units;
};

const ACTIVE: readonly FulfillmentStatus[] = ['open', 'shipped', 'delivered'];

/** Why a fulfillment of `lines` cannot be made, or undefined when every unit is there to fulfil. */
export const overFulfilled = (
  ordered: readonly OrderedLine[],
  fulfillments: readonly Counted[],
  lines: readonly FulfillmentLine[],
): string | undefined => {
  const taken = unitsBy(fulfillments, ACTIVE);
  for (const line of lines) {
    const bought = ordered.find((o) => o.id === line.lineId);
    if (!bought) return `The order has no line ${line.lineId}`;
    const left = bought.quantity - (taken.get(line.lineId) ?? 0);
    if (line.quantity > left)
      return `Line ${line.lineId}: ${line.quantity} asked, ${left} of ${bought.quantity} left to fulfil`;
  }
  return undefined;
};

/** Whether every unit bought is in fulfillments whose status is one of `statuses`. */
const allIn = (
  ordered: readonly OrderedLine[],
  fulfillments: readonly Counted[],
  statuses: readonly FulfillmentStatus[],
) => {
  const units = unitsBy(fulfillments, statuses);
  return ordered.every((line) => (units.get(line.id) ?? 0) >= line.quantity);
};

/** Where an order's goods are (see `orderFulfillmentStatus`). */
export const fulfillmentStatusOf = (
  ordered: readonly OrderedLine[],
  fulfillments: readonly Counted[],
): OrderFulfillmentStatus => {
  if (ordered.length === 0) return 'unfulfilled';
  if (allIn(ordered, fulfillments, ['delivered'])) return 'delivered';
  if (allIn(ordered, fulfillments, ['shipped', 'delivered'])) return 'shipped';
  if (allIn(ordered, fulfillments, ACTIVE)) return 'fulfilled';
  return unitsBy(fulfillments, ACTIVE).size > 0 ? 'partially_fulfilled' : 'unfulfilled';
};

/** Whether every unit bought has shipped (shipped or delivered). */
export const allShipped = (ordered: readonly OrderedLine[], fulfillments: readonly Counted[]): boolean =>
  ordered.length > 0 && allIn(ordered, fulfillments, ['shipped', 'delivered']);

/** A fulfillment's id: derived from the order and the request's Idempotency-Key (a retry names the same). */
export const fulfillmentIdFor = (orderId: string, idempotencyKey: string): string =>
  derivedId('ful', 'fulfillment', [orderId, idempotencyKey], 24);
