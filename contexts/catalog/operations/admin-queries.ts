import { z } from 'zod';
import { productStatus } from '../domain/schemas.ts';

const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
};

/** `GET /admin/products`: one page of products in a status (default `active`), newest first. */
export const adminProductsQuery = z.strictObject({ status: productStatus.default('active'), ...pageFields });

/** `GET /admin/products/{productId}/audit`: one page of the product's audit trail, newest first. */
export const auditQuery = z.strictObject(pageFields);
