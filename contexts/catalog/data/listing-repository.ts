import { queryPage } from '#platform/data/pages.ts';
import { ValidationError } from '#platform/errors/index.ts';
import { type ProductSummary, productSummarySchema } from '../domain/schemas.ts';
import { tokenize } from '../domain/tokens.ts';
import type { ListProductsQuery } from '../operations/store-queries.ts';
import { listingKeys } from './keys.ts';
import type { Page } from './product-repository.ts';

type Filter = { readonly expression: string; readonly values: Record<string, unknown> };

/**
 * The listing a query reads: the longest search token's listing (the most selective guess), else the
 * category's, else all products. Everything else the query asks becomes a filter on that listing.
 */
export const planListing = (query: ListProductsQuery) => {
  const tokens = query.q === undefined ? [] : tokenize(query.q);
  if (query.q !== undefined && tokens.length === 0)
    throw new ValidationError(
      'The search has no searchable words',
      [{ path: 'query.q', message: 'too vague' }],
      'search_too_vague',
    );
  const [lead, ...rest] = [...tokens].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const listing = lead
    ? listingKeys.name.token(lead)
    : query.category
      ? listingKeys.name.category(query.category)
      : listingKeys.name.all;
  const filters: Filter[] = [
    ...rest.map((t, i) => ({ expression: `contains(tokens, :t${i})`, values: { [`:t${i}`]: t } })),
    ...(lead && query.category
      ? [{ expression: 'contains(categoryIds, :cat)', values: { ':cat': query.category } }]
      : []),
    ...(query.option ?? []).map((o, i) => ({
      expression: `contains(optionValues, :o${i})`,
      values: { [`:o${i}`]: o },
    })),
  ];
  return { listing, partition: listingKeys.partition(listing, query.currency), filters };
};

/** The price range as a key condition (sorting by price) or a filter (sorting by date). */
const priceRange = (
  query: ListProductsQuery,
  byPrice: boolean,
): { key: string; filter?: Filter; values: Record<string, unknown> } => {
  const { minPrice: min, maxPrice: max } = query;
  if (min === undefined && max === undefined) return { key: '', values: {} };
  if (byPrice) {
    // `<padded>#<id>` sorts by price; `#` < every id character, `~` > every id character.
    const lo = `${listingKeys.paddedPrice(min ?? 0)}#`;
    const hi = `${listingKeys.paddedPrice(max ?? 999_999_999_999)}#~`;
    return { key: ' AND gsi2sk BETWEEN :lo AND :hi', values: { ':lo': lo, ':hi': hi } };
  }
  const parts = [
    ...(min !== undefined ? ['price >= :min'] : []),
    ...(max !== undefined ? ['price <= :max'] : []),
  ];
  const values = {
    ...(min !== undefined ? { ':min': min } : {}),
    ...(max !== undefined ? { ':max': max } : {}),
  };
  return { key: '', values: {}, filter: { expression: parts.join(' AND '), values } };
};

/** Reads store listings: every page is one Query on gsi1 (newest) or gsi2 (price), filters included. */
export class ListingRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret: string) {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /**
   * One page of active products, of one channel's products when `channelId` is given (a non-default
   * channel; the default one lists every product). With filters a page may hold fewer than `limit` items (even none)
   * while `nextCursor` is set: DynamoDB applies `Limit` before the filter. Still one Query per page.
   */
  async list(query: ListProductsQuery, channelId?: string): Promise<Page<ProductSummary>> {
    const plan = planListing(query);
    const byPrice = query.sort !== 'newest';
    const range = priceRange(query, byPrice);
    // A channel's page is the same Query with one more filter: entries carry the product's channelIds.
    const inChannel = channelId
      ? [{ expression: 'contains(channelIds, :channel)', values: { ':channel': channelId } }]
      : [];
    const filters = [...plan.filters, ...(range.filter ? [range.filter] : []), ...inChannel];
    const { cursor: _c, limit: _l, ...shape } = query;
    // A cursor is good in the channel it was issued in only (a default-channel cursor reads as before).
    const scope = `listing:${channelId ? `${channelId}:` : ''}${JSON.stringify(shape)}`;
    const [index, pk] = byPrice ? ['gsi2', 'gsi2pk'] : ['gsi1', 'gsi1pk'];
    const input = {
      TableName: this.#table,
      IndexName: index,
      KeyConditionExpression: `${pk} = :pk${range.key}`,
      ExpressionAttributeValues: {
        ':pk': plan.partition,
        ...range.values,
        ...Object.assign({}, ...filters.map((f) => f.values)),
      },
      ...(filters.length > 0 ? { FilterExpression: filters.map((f) => f.expression).join(' AND ') } : {}),
      ScanIndexForward: query.sort === 'price_asc',
    };
    const page = await queryPage(input, {
      limit: query.limit,
      cursor: query.cursor,
      cursorSecret: this.#cursorSecret,
      scope,
    });
    return { items: page.items.map((item) => productSummarySchema.parse(item)), nextCursor: page.nextCursor };
  }
}
