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
});
