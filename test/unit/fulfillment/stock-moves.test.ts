import { describe, expect, it } from 'vitest';
import {
  isTransfer,
  placeMoves,
  type StockMove,
  sourceUnits,
  stillSold,
  unfulfilledSales,
  variantsToMove,
} from '#contexts/fulfillment/domain/stock-moves.ts';

const sale = (variantId: string, locationId: string, quantity: number, shard = 0) => ({
  variantId,
  locationId,
  shard,
  quantity,
});
const move = (m: Partial<StockMove> & Pick<StockMove, 'soldAt' | 'takenFrom' | 'quantity'>): StockMove => ({
  lineId: 'l1',
  variantId: 'v1',
  ...m,
});

describe('fulfillment stock moves', () => {
  it('takes units sold at the fulfilling location first, then the other sales in allocation order', () => {
    const sales = [sale('v1', 'east', 2), sale('v1', 'west', 3)];
    expect(sourceUnits([{ lineId: 'l1', variantId: 'v1', quantity: 4 }], 'west', sales)).toEqual([
      { lineId: 'l1', variantId: 'v1', quantity: 3, soldAt: { locationId: 'west', shard: 0 } },
      { lineId: 'l1', variantId: 'v1', quantity: 1, soldAt: { locationId: 'east', shard: 0 } },
    ]);
  });

  it('counts units no sale accounts for (the reservation is gone) as sold where they leave', () => {
    expect(sourceUnits([{ lineId: 'l1', variantId: 'v1', quantity: 2 }], 'east', [])).toEqual([
      { lineId: 'l1', variantId: 'v1', quantity: 2, soldAt: { locationId: 'east', shard: 0 } },
    ]);
  });

  it('leaves out of the open sales what fulfillments not canceled took', () => {
    const taken = [
      move({
        quantity: 1,
        soldAt: { locationId: 'east', shard: 2 },
        takenFrom: { locationId: 'west', shard: 0 },
      }),
    ];
    expect(unfulfilledSales([sale('v1', 'east', 1, 2), sale('v1', 'west', 2)], taken)).toEqual([
      sale('v1', 'west', 2),
    ]);
  });

  it('commits in place what the location sold, and takes the rest from its fullest shards', () => {
    const sourced = sourceUnits([{ lineId: 'l1', variantId: 'v1', quantity: 5 }], 'west', [
      sale('v1', 'west', 1, 3),
      sale('v1', 'east', 4),
    ]);
    expect(variantsToMove(sourced, 'west')).toEqual(['v1']);
    const shards = new Map([
      [
        'v1',
        [
          { shard: 0, available: 1 },
          { shard: 1, available: 3 },
        ],
      ],
    ]);
    const placed = placeMoves(sourced, 'west', shards);
    expect(placed).toEqual({
      moves: [
        move({
          quantity: 1,
          soldAt: { locationId: 'west', shard: 3 },
          takenFrom: { locationId: 'west', shard: 3 },
        }),
        move({
          quantity: 3,
          soldAt: { locationId: 'east', shard: 0 },
          takenFrom: { locationId: 'west', shard: 1 },
        }),
        move({
          quantity: 1,
          soldAt: { locationId: 'east', shard: 0 },
          takenFrom: { locationId: 'west', shard: 0 },
        }),
      ],
    });
    expect('moves' in placed && placed.moves.map(isTransfer)).toEqual([false, true, true]);
  });

  it('reports a shortfall per variant and moves nothing when the location has too little', () => {
    const sourced = sourceUnits(
      [
        { lineId: 'l1', variantId: 'v1', quantity: 3 },
        { lineId: 'l2', variantId: 'v2', quantity: 1 },
      ],
      'west',
      [sale('v1', 'east', 3), sale('v2', 'east', 1)],
    );
    const placed = placeMoves(
      sourced,
      'west',
      new Map([
        ['v1', [{ shard: 0, available: 2 }]],
        ['v2', [{ shard: 0, available: 1 }]],
      ]),
    );
    expect(placed).toEqual({ short: [{ variantId: 'v1', requested: 3, available: 2 }] });
    expect(placeMoves(sourced, 'west', new Map())).toEqual({
      short: [
        { variantId: 'v1', requested: 3, available: 0 },
        { variantId: 'v2', requested: 1, available: 0 },
      ],
    });
  });

  it('restocks with the order only the sales that fulfillments canceled with it did not move', () => {
    const sales = [sale('v1', 'east', 3), sale('v1', 'west', 1)];
    const canceledWithOrder = [
      move({
        quantity: 2,
        soldAt: { locationId: 'east', shard: 0 },
        takenFrom: { locationId: 'west', shard: 0 },
      }),
      move({
        quantity: 1,
        soldAt: { locationId: 'west', shard: 0 },
        takenFrom: { locationId: 'west', shard: 0 },
      }),
    ];
    expect(stillSold(sales, canceledWithOrder)).toEqual([sale('v1', 'east', 1), sale('v1', 'west', 1)]);
    expect(stillSold(sales, [])).toEqual(sales);
  });
});
