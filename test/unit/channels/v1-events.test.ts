import { describe, expect, it } from 'vitest';
import { cartCreatedData } from '#contexts/carts/events.ts';
import { notificationEvents } from '#contexts/notifications/domain/events.ts';
import { checkoutStartedData, orderPlacedData } from '#contexts/orders/events.ts';

const amount = 4200;

/** Data as schema version 1 emitted it, before events carried a channel. */
const v1 = {
  CartCreated: { cartId: 'cart-1', currency: 'EUR' },
  CheckoutStarted: {
    orderId: 'order-1',
    cartId: 'cart-1',
    customerId: null,
    currency: 'EUR',
    grandTotal: amount,
    reservationId: 'res-1',
  },
  OrderPlaced: {
    orderId: 'order-1',
    customerId: null,
    email: 'shopper@example.com',
    currency: 'EUR',
    grandTotal: amount,
    lines: [{ variantId: 'var-1', sku: null, title: null, quantity: 1, total: amount }],
    shippingAddress: {
      name: 'A Shopper',
      line1: '1 Main Street',
      city: 'Dublin',
      postalCode: 'D01 F5P2',
      country: 'IE',
    },
    placedAt: '2026-01-01T00:00:00.000Z',
  },
};

describe('events from before channels (schema version 1)', () => {
  it.each([
    ['CartCreated', cartCreatedData, v1.CartCreated],
    ['CheckoutStarted', checkoutStartedData, v1.CheckoutStarted],
    ['OrderPlaced', orderPlacedData, v1.OrderPlaced],
  ] as const)('parses a version 1 %s as the default channel’s', (_, schema, data) => {
    expect(schema.parse(data).channelId).toBe('default');
  });

  it('keeps the channel a version 2 event names', () => {
    expect(orderPlacedData.parse({ ...v1.OrderPlaced, channelId: 'web' }).channelId).toBe('web');
  });

  it('sends the confirmation of a version 1 OrderPlaced still queued or replayed', () => {
    expect(notificationEvents.OrderPlaced(v1.OrderPlaced).orderId).toBe('order-1');
  });
});
