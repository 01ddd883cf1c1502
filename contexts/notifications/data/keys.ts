/** Every key of the notifications' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the notifications' items. */
export const notificationKeyPrefixes = ['NOTIFICATION#'] as const;

/**
 * An outbound message waiting for a sender (see docs/orders.md#order-confirmation): one item per order
 * and kind, so the key itself makes "one confirmation e-mail per order" a conditional Put.
 */
export const notificationKeys = {
  email: (orderId: string, template: string) => ({ pk: `NOTIFICATION#${orderId}`, sk: `EMAIL#${template}` }),
};

/** The `entity` attribute of the notifications' items. */
export const Entity = { notification: 'NOTIFICATION' } as const;
