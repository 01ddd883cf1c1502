import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockSyncKeys } from '#contexts/inventory/data/keys.ts';
import { scaled } from '../support/budget.ts';
import { cloud, useLocalDynamo } from '../support/cloud.ts';
import { expectProblem } from '../support/http.ts';
import { adminSend, testLocation } from '../support/store.ts';

interface RowReport {
  index: number;
  status: 'applied' | 'failed';
  onHand?: number;
  code?: string;
  variantId?: string;
}
interface Report {
  syncId: string;
  replayed: boolean;
  applied: number;
  failed: number;
  rows: RowReport[];
}

const feed = (body: unknown) => adminSend('PUT', '/admin/inventory', body);
const onHand = async (variantId: string, locationId: string) => {
  const res = await adminSend('GET', `/admin/inventory/${variantId}`);
  expect(res.status).toBe(200);
  return (res.body.levels as { locationId: string; onHand: number }[]).find(
    (l) => l.locationId === locationId,
  )?.onHand;
};

describe('the bulk stock feed (PUT /admin/inventory)', { timeout: scaled(120_000) }, () => {
  let location: string;
  const variant = () => `feed-${randomUUID().slice(0, 12)}`;

  beforeAll(async () => {
    location = await testLocation();
  });

  it('lands the good rows and reports each bad one with a stable code', async () => {
    const [a, b, c] = [variant(), variant(), variant()];
    const res = await feed({
      syncId: `erp-${randomUUID()}`,
      rows: [
        { variantId: a, locationId: location, set: 40 },
        { variantId: b, locationId: location, set: 5 },
        { variantId: b, locationId: location, adjust: 3 }, // the same variant and location again
        { variantId: c, locationId: location, set: 1, adjust: 2 }, // both
        { variantId: c, locationId: 'no-such-location', set: 9 },
        { variantId: a, locationId: location }, // neither
        'not a row',
        { variantId: c, locationId: location, adjust: -1 }, // below zero: c has no stock
        { variantId: 'bad id!', locationId: location, set: 1 },
      ],
    });
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.replayed).toBe(false);
    expect(report.rows.map((r) => [r.index, r.status, r.code ?? r.onHand])).toEqual([
      [0, 'applied', 40],
      [1, 'applied', 5],
      [2, 'failed', 'duplicate_row'],
      [3, 'failed', 'invalid_row'],
      [4, 'failed', 'location_not_found'],
      [5, 'failed', 'invalid_row'],
      [6, 'failed', 'invalid_row'],
      [7, 'failed', 'negative_on_hand'],
      [8, 'failed', 'invalid_row'],
    ]);
    expect([report.applied, report.failed]).toEqual([2, 7]);
    expect(await onHand(a, location)).toBe(40);
    expect(await onHand(b, location)).toBe(5);
  });

  it('applies a syncId once: sent again it answers the stored report and changes nothing', async () => {
    const v = variant();
    const body = {
      syncId: `wms-${randomUUID()}`,
      rows: [
        { variantId: v, locationId: location, set: 10 },
        { variantId: v, locationId: 'no-such-location', adjust: 1 },
      ],
    };
    const first = await feed(body);
    expect(first.status).toBe(200);
    expect(await onHand(v, location)).toBe(10);
    await adminSend('POST', `/admin/inventory/${v}/adjustments`, {
      locationId: location,
      type: 'shrinkage',
      quantity: 2,
      reason: 'broken',
    });
    const again = await feed(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...(first.body as Report), replayed: true });
    // The count was not set back to 10 over the shrinkage recorded since.
    expect(await onHand(v, location)).toBe(8);
    // The same id with other rows is another run: refused, so nobody mistakes it for the first.
    expectProblem(
      await feed({ ...body, rows: [{ variantId: v, locationId: location, set: 1 }] }),
      409,
      'sync_id_reused',
    );
    expect(await onHand(v, location)).toBe(8);
  });

  it('finishes a run cut short without applying a change twice', async () => {
    const v = variant();
    await feed({ syncId: `seed-${randomUUID()}`, rows: [{ variantId: v, locationId: location, set: 100 }] });
    const body = {
      syncId: `erp-${randomUUID()}`,
      rows: [
        { variantId: v, locationId: location, adjust: -7 },
        { variantId: variant(), locationId: location, set: 3 },
      ],
    };
    expect((await feed(body)).status).toBe(200);
    expect(await onHand(v, location)).toBe(93);
    // As if the function stopped before it stored the report: the run is still "running".
    await useLocalDynamo().send(
      new UpdateCommand({
        TableName: cloud().tableName,
        Key: stockSyncKeys.sync(body.syncId),
        UpdateExpression: 'SET #state = :running REMOVE report',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':running': 'running' },
      }),
    );
    const resent = await feed(body);
    expect(resent.status).toBe(200);
    expect((resent.body as Report).replayed).toBe(false);
    expect((resent.body as Report).rows.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The change landed once: 100 − 7, not 100 − 14.
    expect(await onHand(v, location)).toBe(93);
  });

  it('refuses a feed that is not one: no rows, too many rows, no syncId', async () => {
    const row = { variantId: variant(), locationId: location, set: 1 };
    expectProblem(await feed({ syncId: 'x', rows: [] }), 400, 'validation_failed');
    expectProblem(
      await feed({ syncId: 'x', rows: Array.from({ length: 1001 }, () => row) }),
      400,
      'validation_failed',
    );
    expectProblem(await feed({ rows: [row] }), 400, 'validation_failed');
    expectProblem(await feed({ syncId: 'has spaces', rows: [row] }), 400, 'validation_failed');
  });
});
