import { describe, expect, it } from 'vitest';
import { adminOrdersQuery, PENDING_NOT_LISTED } from '#contexts/orders/domain/queries.ts';
import { LISTED_STATUSES } from '#contexts/orders/domain/status.ts';

describe('adminOrdersQuery', () => {
  it('refuses pending_payment without a customer, naming the status and where to look instead', () => {
    const result = adminOrdersQuery.safeParse({ status: 'pending_payment' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['status'], message: PENDING_NOT_LISTED }),
    ]);
    expect(PENDING_NOT_LISTED).toMatch(/customerId.*GET \/admin\/orders\/\{orderId\}/);
  });

  it('takes pending_payment for one customer', () => {
    expect(adminOrdersQuery.parse({ status: 'pending_payment', customerId: 'c-1' })).toMatchObject({
      status: 'pending_payment',
      customerId: 'c-1',
    });
  });

  it.each(LISTED_STATUSES)('takes %s alone', (status) => {
    expect(adminOrdersQuery.parse({ status }).status).toBe(status);
  });

  it('takes payment and fulfillment statuses, with a status or alone', () => {
    expect(
      adminOrdersQuery.parse({
        status: 'paid',
        paymentStatus: 'partially_refunded',
        fulfillmentStatus: 'shipped',
      }),
    ).toMatchObject({ status: 'paid', paymentStatus: 'partially_refunded', fulfillmentStatus: 'shipped' });
    expect(adminOrdersQuery.parse({ fulfillmentStatus: 'unfulfilled' })).toMatchObject({
      fulfillmentStatus: 'unfulfilled',
    });
  });

  it.each([
    ['paymentStatus', 'lost'],
    ['paymentStatus', 'PAID'],
    ['fulfillmentStatus', 'half'],
  ])('refuses %s=%s, naming the field', (field, value) => {
    const result = adminOrdersQuery.safeParse({ [field]: value });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [field] })]);
  });

  it('refuses the payment status pending without a customer, as it refuses pending_payment', () => {
    const result = adminOrdersQuery.safeParse({ paymentStatus: 'pending' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['paymentStatus'], message: PENDING_NOT_LISTED }),
    ]);
    expect(adminOrdersQuery.parse({ paymentStatus: 'pending', customerId: 'c-1' }).paymentStatus).toBe(
      'pending',
    );
  });
});
