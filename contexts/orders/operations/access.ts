import type { Caller } from '#platform/http/identity.ts';
import type { Order } from '../domain/schemas.ts';
import { orderTokenMatches } from '../domain/token.ts';

/**
 * Whether the caller of `GET /orders/{orderId}` may see the order: a customer's order answers only to
 * that customer's token (`caller`), a guest order only to its `X-Order-Token` (`orderToken`). Anyone else
 * is told nothing.
 */
export const mayView = (
  order: Order,
  caller: Caller | undefined,
  orderToken: string | undefined,
): boolean => {
  if (order.customerId) return caller?.sub === order.customerId;
  return orderTokenMatches(orderToken, order.tokenHash);
};
