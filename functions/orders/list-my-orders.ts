import { requireEnv } from '#shared/config.ts';
import { UnauthorizedError } from '#shared/errors/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { callerOf } from '#shared/http/identity.ts';
import { json } from '#shared/http/response.ts';
import { myOrdersQuery } from '#shared/orders/inputs.ts';
import { OrderRepository } from '#shared/orders/repository.ts';

const orders = new OrderRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /me/orders: one page of the caller's orders, newest first (one Query on gsi1). */
export const handler = httpHandler({ query: myOrdersQuery }, async ({ query, event }) => {
  const caller = callerOf(event);
  if (!caller) throw new UnauthorizedError();
  const page = await orders.listForCustomer(caller.sub, query.limit, query.cursor);
  return json(200, page, { 'cache-control': 'no-store' });
});
