/** Every key of the fulfillment items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the fulfillment items. */
export const fulfillmentKeyPrefixes = ['FULFILLMENT#', 'RETURN#'] as const;

/**
 * An order's fulfillments live in one partition of their own, `FULFILLMENT#<orderId>`: one item per
 * fulfillment, and one `TOTALS` item whose version every change moves (conditionally on the version read),
 * so two changes decided on the same reading cannot both commit (two fulfillments of the last units).
 */
export const fulfillmentKeys = {
  partition: (orderId: string) => `FULFILLMENT#${orderId}`,
  fulfillment: (orderId: string, fulfillmentId: string) => ({
    pk: `FULFILLMENT#${orderId}`,
    sk: `FULFILLMENT#${fulfillmentId}`,
  }),
  totals: (orderId: string) => ({ pk: `FULFILLMENT#${orderId}`, sk: 'TOTALS' }),
  /** A return of the order's shipped units, beside its fulfillments (its changes move the same version). */
  orderReturn: (orderId: string, returnId: string) => ({
    pk: `FULFILLMENT#${orderId}`,
    sk: `RETURN#${returnId}`,
  }),
  /** Which order a return belongs to, for routes that name the return alone (`/admin/returns/{id}`). */
  returnPointer: (returnId: string) => ({ pk: `RETURN#${returnId}`, sk: 'RETURN' }),
};

/** The `entity` attribute of the fulfillment items. */
export const Entity = {
  fulfillment: 'FULFILLMENT',
  fulfillmentTotals: 'FULFILLMENT_TOTALS',
  orderReturn: 'RETURN',
  returnPointer: 'RETURN_POINTER',
} as const;
