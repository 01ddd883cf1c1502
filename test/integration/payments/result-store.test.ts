import { beforeAll, describe, expect, it } from 'vitest';
import { getPaymentResult, recordPaymentResult } from '#contexts/payments/data/result-store.ts';
import type { PaymentOutcome, PaymentResult } from '#contexts/payments/domain/result.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

let table: string;
let n = 0;
const newOrderId = () => `ord_rs_${Date.now()}_${++n}`;

const result = (
  orderId: string,
  outcome: PaymentOutcome,
  eventId: string,
  eventCreated = 1_900_000_000,
): PaymentResult => ({
  orderId,
  outcome,
  paymentIntentId: 'pi_1',
  eventId,
  eventType: `payment_intent.${outcome}`,
  eventCreated,
  recordedAt: new Date().toISOString(),
  amount: 4200,
  currency: 'EUR',
});

beforeAll(async () => {
  useLocalDynamo();
  table = await createTestTable();
});

describe('recordPaymentResult', () => {
  it('records a result once per event id, even when the same delivery arrives ten times at once', async () => {
    const orderId = newOrderId();
    const effects = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordPaymentResult(table, result(orderId, 'succeeded', `evt_${orderId}`)),
      ),
    );
    expect(effects.filter((e) => e === 'recorded')).toHaveLength(1);
    expect(effects.filter((e) => e === 'duplicate')).toHaveLength(9);
    expect(await getPaymentResult(table, orderId)).toMatchObject({
      outcome: 'succeeded',
      eventId: `evt_${orderId}`,
    });
  });

  it('answers a repeat of an outcome that may replace itself (a decline, a refund) as a duplicate, unchanged', async () => {
    const orderId = newOrderId();
    const first = {
      ...result(orderId, 'failed', `evt_a_${orderId}`, 100),
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(await recordPaymentResult(table, first)).toBe('recorded');
    expect(await recordPaymentResult(table, { ...first, recordedAt: new Date().toISOString() })).toBe(
      'duplicate',
    );
    expect((await getPaymentResult(table, orderId))?.recordedAt).toBe(first.recordedAt);
    expect(await recordPaymentResult(table, result(orderId, 'failed', `evt_b_${orderId}`, 101))).toBe(
      'recorded',
    );
    expect(await recordPaymentResult(table, result(orderId, 'failed', `evt_a_${orderId}`, 100))).toBe(
      'superseded',
    );
  });

  it('lets a success follow a decline (the shopper tried another card)', async () => {
    const orderId = newOrderId();
    expect(await recordPaymentResult(table, result(orderId, 'failed', `evt_a_${orderId}`, 100))).toBe(
      'recorded',
    );
    expect(await recordPaymentResult(table, result(orderId, 'succeeded', `evt_b_${orderId}`, 101))).toBe(
      'recorded',
    );
    expect((await getPaymentResult(table, orderId))?.outcome).toBe('succeeded');
  });

  it('never lets a late decline or cancel undo a success; a refund follows it', async () => {
    const orderId = newOrderId();
    await recordPaymentResult(table, result(orderId, 'succeeded', `evt_a_${orderId}`, 200));
    expect(await recordPaymentResult(table, result(orderId, 'failed', `evt_b_${orderId}`, 199))).toBe(
      'superseded',
    );
    expect(await recordPaymentResult(table, result(orderId, 'canceled', `evt_c_${orderId}`, 201))).toBe(
      'superseded',
    );
    expect((await getPaymentResult(table, orderId))?.outcome).toBe('succeeded');
    expect(await recordPaymentResult(table, result(orderId, 'refunded', `evt_d_${orderId}`, 300))).toBe(
      'recorded',
    );
    expect((await getPaymentResult(table, orderId))?.outcome).toBe('refunded');
  });

  it('ignores an older decline arriving after a newer one', async () => {
    const orderId = newOrderId();
    await recordPaymentResult(table, result(orderId, 'failed', `evt_new_${orderId}`, 500));
    expect(await recordPaymentResult(table, result(orderId, 'failed', `evt_old_${orderId}`, 400))).toBe(
      'superseded',
    );
    expect((await getPaymentResult(table, orderId))?.eventId).toBe(`evt_new_${orderId}`);
  });

  it('finds no result for an order nothing was recorded for', async () => {
    expect(await getPaymentResult(table, newOrderId())).toBeUndefined();
  });
});
