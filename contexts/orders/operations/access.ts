import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { callerOf } from '#platform/http/identity.ts';
import type { Order } from '../domain/schemas.ts';
import { orderTokenMatches } from '../domain/token.ts';
import { ORDER_TOKEN_HEADER } from './queries.ts';

/**
 * Whether the caller of `GET /orders/{orderId}` may see the order: a customer's order answers only to
 * that customer's token, a guest order only to its `X-Order-Token`. Anyone else is told nothing.
 */
export const mayView = (order: Order, event: APIGatewayProxyEventV2): boolean => {
  if (order.customerId) return callerOf(event)?.sub === order.customerId;
  return orderTokenMatches(event.headers[ORDER_TOKEN_HEADER], order.tokenHash);
};
