import { describe, expect, it } from 'vitest';
import { availabilityChanges, channelAvailable, statusOf } from '#contexts/inventory/domain/availability.ts';

const web = { id: 'default', stockLocationIds: null };
const market = { id: 'marketplace', stockLocationIds: ['berlin'] };
const scopes = [web, market];

describe('availability per channel', () => {
  it('counts only the channel’s locations (every one for a channel without a list)', () => {
    const byLocation = { berlin: 5, hamburg: 20 };
    expect(channelAvailable(web, byLocation)).toBe(25);
    expect(channelAvailable(market, byLocation)).toBe(5);
    expect(channelAvailable({ stockLocationIds: ['munich'] }, byLocation)).toBe(0);
  });

  it('tells in stock, low and out apart at the threshold and at zero', () => {
    expect([statusOf(11, 10), statusOf(10, 10), statusOf(1, 10), statusOf(0, 10)]).toEqual([
      'in_stock',
      'low',
      'low',
      'out',
    ]);
  });

  it('publishes every channel’s first figure', () => {
    const { changes, published } = availabilityChanges(undefined, scopes, { berlin: 5, hamburg: 95 }, 3);
    expect(changes).toEqual([
      { channelId: 'default', available: 100, previous: null, status: 'in_stock' },
      { channelId: 'marketplace', available: 5, previous: null, status: 'in_stock' },
    ]);
    expect(published).toEqual({ default: 100, marketplace: 5 });
  });

  it('holds back small moves, and lets them add up to a published one', () => {
    let published: Record<string, number> = { default: 100, marketplace: 50 };
    const step = (hamburg: number) => {
      const result = availabilityChanges(published, scopes, { berlin: 50, hamburg }, 3);
      published = result.published;
      return result.changes.map((c) => [c.channelId, c.available]);
    };
    expect(step(47)).toEqual([]); // 97: 3% down
    expect(step(44)).toEqual([]); // 94
    expect(step(40)).toEqual([['default', 90]]); // 90: 10% down from the 100 published
    expect(published).toEqual({ default: 90, marketplace: 50 });
  });

  it('publishes a change of status however small', () => {
    const low = availabilityChanges({ default: 4, marketplace: 4 }, [market], { berlin: 3 }, 3);
    expect(low.changes).toEqual([{ channelId: 'marketplace', available: 3, previous: 4, status: 'low' }]);
    const out = availabilityChanges({ marketplace: 1 }, [market], { berlin: 0 }, 0);
    expect(out.changes[0]?.status).toBe('out');
    const back = availabilityChanges({ marketplace: 0 }, [market], { berlin: 1 }, 0);
    expect(back.changes[0]).toMatchObject({ available: 1, previous: 0, status: 'in_stock' });
  });

  it('says nothing to a channel whose locations never held the variant', () => {
    const none = availabilityChanges(undefined, [market], { hamburg: 10 }, 0);
    expect(none).toEqual({ changes: [], published: {} });
    const arrived = availabilityChanges(none.published, [market], { berlin: 2, hamburg: 10 }, 0);
    expect(arrived.changes).toEqual([
      { channelId: 'marketplace', available: 2, previous: null, status: 'in_stock' },
    ]);
  });

  it('forgets channels that are gone', () => {
    expect(availabilityChanges({ default: 10, closed: 4 }, [web], { berlin: 10 }, 0).published).toEqual({
      default: 10,
    });
  });
});
