import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { myOrdersQuery } from '#contexts/orders/operations/queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { UnauthorizedError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { callerOf } from '#platform/http/identity.ts';
import { json } from '#platform/http/response.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /me/orders: one page of the caller's orders, newest first (one Query on gsi1). */
export const handler = httpHandler({ query: myOrdersQuery }, async ({ query, event }) => {
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  const page = await orders.listForCustomer(caller.sub, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
