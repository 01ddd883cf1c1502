import { ListingRepository } from '#contexts/catalog/data/listing-repository.ts';
import { listProductsQuery } from '#contexts/catalog/operations/store-queries.ts';
import { requireEnv } from '#platform/config/env.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

const listings = new ListingRepository(requireEnv('TABLE_NAME'), requireEnv('SECRET_CURSOR_KEY'));

/** GET /products: one page of active products with filters, search and sort (one Query per page). */
export const handler = httpHandler({ query: listProductsQuery }, async ({ query }) => {
  const page = await listings.list(query);
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
