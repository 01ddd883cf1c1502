import { z } from 'zod';

/** `GET /products` query: page size 1–100 and an opaque cursor; unknown parameters are rejected. */
export const listProductsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

/** Path of the single-product routes. */
export const productPath = z.strictObject({
  productId: z.string().min(1).max(64),
});
