import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from '#platform/http/response.ts';
import { CartService } from '../cart-service.ts';

/** Cart answers are per shopper and change with every price and stock movement: never cached. */
export const cartHeaders = { 'cache-control': 'no-store' } as const;

/** The cart service of one function instance. */
export const cartService = (table: string): CartService => new CartService(table);

/** A priced cart as a response. */
export const cartResponse = (status: number, body: unknown): APIGatewayProxyStructuredResultV2 =>
  json(status, body, cartHeaders);
