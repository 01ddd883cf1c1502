import { z } from 'zod';
import { lineText } from '#platform/text/schema.ts';
import { categoryId, currencyCode } from '../domain/schemas.ts';

const price = z.coerce.number().int().nonnegative().max(1_000_000_000_00);

/** `option=size=M,colour=black` (API Gateway joins repeated parameters with commas): at most 5 pairs. */
const optionFilter = z
  .string()
  .max(400)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_-]*=[^,=]{1,80}$/, 'Expected name=value')).max(5));

const listingFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
  /** Picks the listing partition and what `minPrice`/`maxPrice` and price sorting mean; default EUR. */
  currency: currencyCode.default('EUR'),
  q: lineText().trim().min(1).max(100).optional(),
  minPrice: price.optional(),
  maxPrice: price.optional(),
  option: optionFilter.optional(),
  sort: z.enum(['newest', 'price_asc', 'price_desc']).default('newest'),
};

const priceRangeOrdered = (q: { minPrice?: number | undefined; maxPrice?: number | undefined }) =>
  q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice;
const priceRangeIssue = { message: 'minPrice must not exceed maxPrice', path: ['maxPrice'] };

/** `GET /products` query: filters, search, sort and an opaque cursor; unknown parameters are rejected. */
export const listProductsQuery = z
  .strictObject({ ...listingFields, category: categoryId.optional() })
  .refine(priceRangeOrdered, priceRangeIssue);
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

/** `GET /categories/{categoryId}/products` query: the same as `GET /products` without `category`. */
export const categoryProductsQuery = z.strictObject(listingFields).refine(priceRangeOrdered, priceRangeIssue);
