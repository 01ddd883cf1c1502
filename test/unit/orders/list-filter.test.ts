import { describe, expect, it } from 'vitest';
import { orderFulfillmentStatus } from '#contexts/fulfillment/domain/schemas.ts';
import { type FacetFilters, type SummaryFilter, summaryFilter } from '#contexts/orders/data/list-filter.ts';
import { orderStatus, paymentStatus } from '#contexts/orders/domain/schemas.ts';

/** Every combination of the facet filters, with and without a status. */
const combinations: FacetFilters[] = [undefined, ...orderStatus.options].flatMap((status) =>
  [undefined, ...paymentStatus.options].flatMap((pay) =>
    [undefined, ...orderFulfillmentStatus.options].map((ful) => ({
      ...(status ? { status } : {}),
      ...(pay ? { paymentStatus: pay } : {}),
      ...(ful ? { fulfillmentStatus: ful } : {}),
    })),
  ),
);

/** The `#name` and `:value` placeholders an expression uses. */
const placeholders = (expression: string, sigil: '#' | ':') =>
  new Set(expression.match(sigil === '#' ? /#\w+/g : /:\w+/g) ?? []);

describe('summaryFilter', () => {
  it('names exactly the names and values its expression uses (DynamoDB refuses unused ones)', () => {
    const filters = combinations.flatMap((f) => [
      summaryFilter(f),
      ...orderStatus.options.map((s) => summaryFilter(f, s)),
    ]);
    const built = filters.filter((f): f is SummaryFilter => !!f);
    expect(built.length).toBeGreaterThan(100);
    for (const { expression, names, values } of built) {
      expect(placeholders(expression, '#')).toEqual(new Set(Object.keys(names)));
      expect(placeholders(expression, ':')).toEqual(new Set(Object.keys(values)));
    }
  });

  it('filters nothing without facets, and a status only where the partition holds every status', () => {
    expect(summaryFilter({})).toBeUndefined();
    expect(summaryFilter({ status: 'paid' }, 'paid')).toBeUndefined();
    expect(summaryFilter({ status: 'paid' })).toEqual({
      expression: '#status = :status',
      names: { '#status': 'status' },
      values: { ':status': 'paid' },
    });
  });

  it('checks no facet where the status alone decides, and reads no partition that cannot match', () => {
    expect(summaryFilter({ paymentStatus: 'voided' }, 'expired')).toBeUndefined();
    expect(summaryFilter({ paymentStatus: 'paid' }, 'expired')).toBeNull();
    expect(summaryFilter({ status: 'expired', paymentStatus: 'paid' })).toBeNull();
  });

  it('finds unrefunded orders by the absence of a refund facet, refunded ones by the facet', () => {
    expect(summaryFilter({ paymentStatus: 'paid' }, 'paid')?.expression).toBe(
      'attribute_not_exists(#paymentStatus) OR NOT (#paymentStatus IN (:refund0, :refund1))',
    );
    expect(summaryFilter({ paymentStatus: 'partially_refunded' }, 'canceled')?.expression).toBe(
      '#paymentStatus = :paymentStatus',
    );
  });

  it('groups the statuses of a customer’s partition by what their test checks', () => {
    expect(summaryFilter({ paymentStatus: 'refunded' })).toEqual({
      expression:
        '(#status IN (:all0)) OR ((#status IN (:stored0, :stored1, :stored2)) AND (#paymentStatus = :paymentStatus))',
      names: { '#status': 'status', '#paymentStatus': 'paymentStatus' },
      values: {
        ':all0': 'refunded',
        ':stored0': 'paid',
        ':stored1': 'cancel_pending',
        ':stored2': 'canceled',
        ':paymentStatus': 'refunded',
      },
    });
  });

  it('takes a missing fulfillment status for unfulfilled, and for nothing else', () => {
    expect(summaryFilter({ fulfillmentStatus: 'unfulfilled' }, 'paid')?.expression).toBe(
      'attribute_not_exists(#fulfillmentStatus) OR #fulfillmentStatus = :fulfillmentStatus',
    );
    expect(summaryFilter({ fulfillmentStatus: 'shipped' }, 'paid')?.expression).toBe(
      '#fulfillmentStatus = :fulfillmentStatus',
    );
    expect(summaryFilter({ paymentStatus: 'paid', fulfillmentStatus: 'shipped' }, 'paid')?.expression).toBe(
      '(attribute_not_exists(#paymentStatus) OR NOT (#paymentStatus IN (:refund0, :refund1))) AND (#fulfillmentStatus = :fulfillmentStatus)',
    );
  });
});
