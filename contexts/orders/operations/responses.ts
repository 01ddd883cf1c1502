import { z } from 'zod';
import { orderSchema } from '../domain/schemas.ts';

/** Orders are personal data: never cached by a browser or a proxy. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** The answer of the single-order routes. */
export const orderResponse = {
  200: { description: 'The order as it was paid for, with its status history', schema: orderSchema },
};

/** What the single-order routes say about the snapshot. */
export const snapshotNote =
  'Lines, prices, discounts, tax, shipping and address are a snapshot taken at checkout: they never change.';

/** The header that proves a guest order: the token the checkout answered with. */
export const ORDER_TOKEN_HEADER = 'x-order-token';

/** The proof of a guest order; a customer's order is proved by the customer's token instead. */
export const orderTokenHeaders = z.object({
  [ORDER_TOKEN_HEADER]: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The token the checkout answered with for a guest order' }),
});
