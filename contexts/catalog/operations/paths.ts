import { z } from 'zod';

/** Path of the single-product routes. */
export const productPath = z.strictObject({
  productId: z.string().min(1).max(64),
});

/** Path of `GET /products/by-slug/{slug}`. */
export const slugPath = z.strictObject({ slug: z.string().min(1).max(120) });

/** Path of category routes. */
export const categoryPath = z.strictObject({ categoryId: z.string().min(1).max(64) });

/** Path of variant routes. */
export const variantPath = z.strictObject({
  productId: z.string().min(1).max(64),
  variantId: z.string().min(1).max(64),
});
