import {
  channelKeyProblem,
  publishableKeyHeaders,
  varyByChannel,
} from '#contexts/channels/operations/store-headers.ts';
import { NotFoundError } from '#platform/errors/index.ts';
import { json } from '#platform/http/response.ts';
import { summaryIn } from '../domain/channel-view.ts';
import { productPageSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { categoryPath } from './paths.ts';
import { publicFor } from './responses.ts';
import { checkListingCurrency, listingChannel } from './store-channel.ts';
import { categoryProductsQuery } from './store-queries.ts';

/**
 * GET /categories/{categoryId}/products: one Query per page. Only an empty first page costs one more
 * request (a GetItem), to tell an unknown category (404) from an empty one.
 */
export const listCategoryProducts = storeOperation({
  route: 'GET /categories/{categoryId}/products',
  access: 'public',
  operationId: 'listCategoryProducts',
  summary: 'One page of active products in a category',
  description: 'Same filters, search and sort as `GET /products`.',
  tags: ['catalog'],
  request: { path: categoryPath, query: categoryProductsQuery, headers: publishableKeyHeaders },
  responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
  problems: {
    400: ['invalid_cursor', 'search_too_vague', 'currency_not_in_channel'],
    ...channelKeyProblem,
    404: ['category_not_found'],
  },
  handle: async ({ path, query, event }, { listings, categories, channels }) => {
    const channel = await channels.fromHeaders(event.headers);
    checkListingCurrency(channel, query.currency);
    const page = await listings.list({ ...query, category: path.categoryId }, listingChannel(channel));
    if (page.items.length === 0 && !query.cursor && !(await categories.get(path.categoryId)))
      throw new NotFoundError(`Category ${path.categoryId} does not exist`, 'category_not_found');
    const items = page.items.map((s) => summaryIn(s, channel.currencies));
    return json(200, { ...page, items }, { ...publicFor(30), ...varyByChannel });
  },
});
