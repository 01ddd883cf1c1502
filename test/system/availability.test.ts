import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHANNEL_LIST_CACHE_MS } from '#contexts/channels/data/channel-repository.ts';
import { scaled } from '../support/budget.ts';
import { cloud, eventually } from '../support/cloud.ts';
import { adminSend, publishedProduct, testWarehouse } from '../support/store.ts';

interface Availability {
  variantId: string;
  channelId: string;
  available: number;
  previous: number | null;
  status: 'in_stock' | 'low' | 'out';
}

/** The `AvailabilityChanged` events of one variant on the bus, oldest first. */
const published = async (variantId: string): Promise<Availability[]> => {
  const res = await fetch(`${cloud().endpoints.eventbridge}/_local/events?detail-type=AvailabilityChanged`);
  const { events } = (await res.json()) as { events: { detail: { data: Availability } }[] };
  return events.map((e) => e.detail.data).filter((d) => d.variantId === variantId);
};

const setStock = async (variantId: string, levels: { locationId: string; onHand: number }[]) =>
  expect((await adminSend('PUT', `/admin/inventory/${variantId}`, { levels })).status).toBe(200);

describe('AvailabilityChanged per sales channel', { timeout: scaled(120_000) }, () => {
  it('tells each channel what its own locations can sell, holding back small moves', async () => {
    const tag = randomUUID().slice(0, 8);
    const [main, outlet] = await Promise.all([testWarehouse('av-main'), testWarehouse('av-outlet')]);
    const channelId = `market-${tag}`;
    const made = await adminSend('POST', '/admin/channels', {
      id: channelId,
      name: 'Marketplace',
      currencies: ['EUR'],
      stockLocationIds: [outlet],
    });
    expect(made.status).toBe(201);
    // The stock-alerts function trusts a channel list it read for CHANNEL_LIST_CACHE_MS: another test's
    // stock write may have had it read the list just before this channel existed. A channel shows within
    // that window (docs/inventory.md), so the stock moves below start after it.
    const channelShows = new Promise((resolve) => setTimeout(resolve, CHANNEL_LIST_CACHE_MS + 500));
    const product = await publishedProduct([{ prices: { EUR: 1500 } }]);
    await channelShows;
    const variantId = product.variantIds[0] as string;

    await setStock(variantId, [
      { locationId: main, onHand: 50 },
      { locationId: outlet, onHand: 10 },
    ]);
    // First figures: every location for the default channel, the outlet alone for the marketplace.
    const first = await eventually(async () => {
      const events = await published(variantId);
      const of = (id: string) => events.findLast((e) => e.channelId === id);
      return of('default')?.available === 60 && of(channelId)?.available === 10 ? events : undefined;
    });
    expect(first.find((e) => e.channelId === channelId)).toMatchObject({ status: 'in_stock' });

    // 2 of 60 is a small move: held back. Then the outlet empties: the marketplace is out at once, and
    // the default channel's 48 (20% below the 60 it last heard) is published, the 58 never was.
    await setStock(variantId, [{ locationId: main, onHand: 48 }]);
    await setStock(variantId, [{ locationId: outlet, onHand: 0 }]);
    const later = await eventually(async () => {
      const events = await published(variantId);
      return events.some((e) => e.channelId === channelId && e.status === 'out') &&
        events.some((e) => e.channelId === 'default' && e.available === 48)
        ? events
        : undefined;
    });
    expect(later.filter((e) => e.channelId === 'default').map((e) => e.available)).not.toContain(58);
    expect(later.find((e) => e.channelId === channelId && e.status === 'out')).toMatchObject({
      available: 0,
      previous: 10,
    });
    expect(later.find((e) => e.channelId === 'default' && e.available === 48)).toMatchObject({
      previous: 60,
    });
  });
});
