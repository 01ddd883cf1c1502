import {
  channelKeyProblem,
  publishableKeyHeaders,
  varyByChannel,
} from '#contexts/channels/operations/store-headers.ts';
import { json } from '#platform/http/response.ts';
import { summaryIn } from '../domain/channel-view.ts';
import { productPageSchema } from '../domain/schemas.ts';
import { storeOperation } from '../wiring.ts';
import { publicFor } from './responses.ts';
import { checkListingCurrency, listingChannel } from './store-channel.ts';
import { listProductsQuery } from './store-queries.ts';

/** GET /products: one page of active products with filters, search and sort (one Query per page). */
export const listProducts = storeOperation({
  route: 'GET /products',
  access: 'public',
  operationId: 'listProducts',
  summary: 'One page of active products: filters, search, sort',
  description:
    'Pass `nextCursor` back as `cursor` for the next page; cursors are opaque and signed. `currency` ' +
    '(default EUR) picks the prices for `minPrice`/`maxPrice` and price sorting. `q` matches whole words ' +
    'of title and description. With filters a page may hold fewer than `limit` items while `nextCursor` ' +
    'is set. The listing is updated from catalog events within seconds of a change. With ' +
    '`x-publishable-api-key`, only the products of the key’s channel, priced in its currencies ' +
    '(400 `currency_not_in_channel` for another).',
  tags: ['catalog'],
  request: { query: listProductsQuery, headers: publishableKeyHeaders },
  responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
  problems: { 400: ['invalid_cursor', 'search_too_vague', 'currency_not_in_channel'], ...channelKeyProblem },
  handle: async ({ query, event }, { listings, channels }) => {
    const channel = await channels.fromHeaders(event.headers);
    checkListingCurrency(channel, query.currency);
    const page = await listings.list(query, listingChannel(channel));
    const items = page.items.map((s) => summaryIn(s, channel.currencies));
    return json(200, { ...page, items }, { ...publicFor(30), ...varyByChannel });
  },
});
